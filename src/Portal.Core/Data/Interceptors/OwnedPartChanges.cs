using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Core.Features.Audit;

namespace Portal.Core.Data.Interceptors;

/// <summary>
/// Changes inside owned parts (owned types such as a stream plan's STAGE sections, stored as JSON) for
/// <see cref="AuditInterceptor"/>: which audited records they belong to, and their values before and after.
/// </summary>
internal static class OwnedPartChanges
{
    /// <summary>
    /// The audited records whose owned parts (owned types such as a stream plan's STAGE sections,
    /// stored as JSON) were added, changed or removed, with the record's navigations that lead to
    /// them. EF tracks owned parts as entries of their own, so without this a change to a section
    /// would be audited, if at all, as a change of nothing.
    /// </summary>
    public static Dictionary<object, HashSet<INavigation>>? Find(List<EntityEntry> tracked, Func<object, bool> isAudited)
    {
        Dictionary<object, HashSet<INavigation>>? owners = null;
        foreach (var entry in tracked)
        {
            if (!entry.Metadata.IsOwned() || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !typeof(IAudited).IsAssignableFrom(RootType(entry.Metadata).ClrType))
            {
                continue; // the parts of records that are not audited (an event's field reasons) need no search
            }

            // Walk up to the record that owns the part; remember the record's navigation to it.
            var current = entry;
            INavigation? navigation = null;
            while (current?.Metadata.FindOwnership() is { } ownership)
            {
                navigation = ownership.PrincipalToDependent;
                current = PrincipalOf(tracked, current, ownership);
            }

            if (current is not null && navigation is not null && isAudited(current.Entity))
            {
                owners ??= new Dictionary<object, HashSet<INavigation>>(ReferenceEqualityComparer.Instance);
                if (!owners.TryGetValue(current.Entity, out var navigations))
                {
                    owners[current.Entity] = navigations = [];
                }

                navigations.Add(navigation);
            }
        }

        return owners;
    }

    /// <summary>An owned navigation's value before and after, as plain property maps; null when they are the same.</summary>
    /// <remarks>
    /// Services often copy a section over itself (a collection cleared and refilled), which EF tracks
    /// as removed and added parts: only a different value is a change.
    /// </remarks>
    public static AuditChanges.Change? Change(DbContext context, List<EntityEntry> tracked, EntityEntry owner, INavigation navigation)
    {
        var old = owner.State == EntityState.Added ? null : OwnedValue(context, tracked, owner, navigation, original: true);
        var @new = owner.State == EntityState.Deleted ? null : OwnedValue(context, tracked, owner, navigation, original: false);
        return JsonSerializer.Serialize(old, AuditChanges.JsonOptions) == JsonSerializer.Serialize(@new, AuditChanges.JsonOptions)
            ? null
            : new AuditChanges.Change(old, @new);
    }

    /// <summary>
    /// The value of an owned navigation as it was loaded (<paramref name="original"/>) or as it is now:
    /// a property map for a reference, a list of them for a collection, null when there is none.
    /// </summary>
    private static object? OwnedValue(DbContext context, List<EntityEntry> tracked, EntityEntry owner, INavigation navigation, bool original)
    {
        List<EntityEntry> parts;
        if (original)
        {
            // What was loaded: the parts not added since, in their stored order (the ordinal key).
            var key = navigation.ForeignKey.PrincipalKey.Properties.Select(p => owner.Property(p.Name).CurrentValue).ToArray();
            parts = tracked
                .Where(e => e.Metadata == navigation.TargetEntityType && e.State != EntityState.Added
                    && navigation.ForeignKey.Properties.Select((p, i) => Equals(e.Property(p.Name).CurrentValue, key[i])).All(same => same))
                .OrderBy(OrdinalOf)
                .ToList();
        }
        else
        {
            // What is there now, in the order of the record's own list.
            var value = owner.Navigation(navigation.Name).CurrentValue;
            parts = (navigation.IsCollection ? ((System.Collections.IEnumerable?)value)?.Cast<object>() ?? [] : value is null ? [] : [value])
                .Select(part => context.Entry(part))
                .ToList();
        }

        var maps = parts.Select(part => OwnedProperties(context, tracked, part, original)).ToList();
        return navigation.IsCollection ? maps : maps.FirstOrDefault();
    }

    private static Dictionary<string, object?> OwnedProperties(DbContext context, List<EntityEntry> tracked, EntityEntry part, bool original)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in part.Properties.Where(p => !p.Metadata.IsShadowProperty()))
        {
            var value = original ? property.OriginalValue : property.CurrentValue;
            values[property.Metadata.Name] = value is not null && AuditChanges.IsSecret(property.Metadata.Name) ? AuditChanges.Redacted : value;
        }

        foreach (var navigation in part.Metadata.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsOnDependent))
        {
            values[navigation.Name] = OwnedValue(context, tracked, part, navigation, original);
        }

        return values;
    }

    /// <summary>An owned collection item's position: its key beyond the owner's (EF's ordinal for JSON collections).</summary>
    private static object? OrdinalOf(EntityEntry part) =>
        part.Metadata.FindPrimaryKey()?.Properties.Where(p => !p.IsForeignKey()).Select(p => part.Property(p.Name).CurrentValue).FirstOrDefault();

    private static IReadOnlyEntityType RootType(IReadOnlyEntityType type) =>
        type.FindOwnership() is { } ownership ? RootType(ownership.PrincipalEntityType) : type;

    private static EntityEntry? PrincipalOf(List<EntityEntry> tracked, EntityEntry dependent, IForeignKey ownership)
    {
        var values = ownership.Properties.Select(p => dependent.Property(p.Name).CurrentValue).ToArray();
        return tracked.FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
            && ownership.PrincipalKey.Properties.Select((p, i) => Equals(e.Property(p.Name).CurrentValue, values[i])).All(same => same));
    }
}
