using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenIddict.EntityFrameworkCore.Models;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Brands;

namespace Portal.Core.Data.Interceptors;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/>
/// record, and (inside an administration operation, see <see cref="AuditScope"/>) for accounts,
/// their roles and API clients. The entries join the same SaveChanges, so a change and its audit
/// are committed, or rolled back, together.
/// </summary>
internal sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context
            && CollectAsync(context, async: false, CancellationToken.None).GetAwaiter().GetResult() is { Count: > 0 } entries)
        {
            Complete(context, entries, LookUpName(context, entries[0].ActorUserId));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && await CollectAsync(context, async: true, cancellationToken) is { Count: > 0 } entries)
        {
            var name = entries[0].ActorUserId is { } id && KnowsUsers(context)
                ? await context.Set<PortalUser>().AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
                : null;
            Complete(context, entries, name);
        }

        return result;
    }

    private static bool KnowsUsers(DbContext context) => context.Model.FindEntityType(typeof(PortalUser)) is not null;

    private static string? LookUpName(DbContext context, Guid? userId) =>
        userId is { } id && KnowsUsers(context) ? context.Set<PortalUser>().AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefault() : null;

    private static void Complete(DbContext context, List<AuditEntry> entries, string? displayName)
    {
        foreach (var entry in entries)
        {
            if (!string.IsNullOrWhiteSpace(displayName))
            {
                entry.ActorName = displayName;
            }

            context.Add(entry);
        }
    }

    /// <param name="async">Whether to read stored values asynchronously; the synchronous SaveChanges passes false.</param>
    private async ValueTask<List<AuditEntry>> CollectAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        var frame = AuditScope.Current;
        var actor = frame?.Actor ?? AuditActor.System;
        var includeAccounts = frame?.Operation is not null;
        var now = clock.GetUtcNow();
        var entries = new List<AuditEntry>();

        // SaveChanges detects changes only after this interceptor runs; do it first, as it would.
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var tracked = context.ChangeTracker.Entries().ToList();
        var owned = OwnedChanges(tracked, includeAccounts);
        foreach (var entry in tracked)
        {
            var ownedNavigations = owned?.GetValueOrDefault(entry.Entity);
            if (entry.Metadata.IsOwned()
                || (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) && ownedNavigations is null)
                || !IsAudited(entry.Entity, includeAccounts))
            {
                continue;
            }

            // A record whose only change is inside an owned part (a JSON section) is still Unchanged itself.
            var changes = entry.State == EntityState.Unchanged
                ? new Dictionary<string, AuditChanges.Change>(StringComparer.Ordinal)
                : AuditChanges.Describe(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0 && entry.Properties.Any(p => p.IsModified))
            {
                // Attached and updated as a whole (OpenIddict's stores do this): the tracked
                // originals are the new values, so compare with the row as stored.
                var stored = async ? await entry.GetDatabaseValuesAsync(cancellationToken) : entry.GetDatabaseValues();
                if (stored is not null)
                {
                    changes = AuditChanges.Describe(entry, stored);
                }
            }

            if (entry.Entity is IdentityUserRole<Guid> link)
            {
                changes["Role"] = new AuditChanges.Change(
                    entry.State == EntityState.Added ? null : RoleName(context, link.RoleId),
                    entry.State == EntityState.Deleted ? null : RoleName(context, link.RoleId));
            }

            foreach (var navigation in ownedNavigations ?? Enumerable.Empty<INavigation>())
            {
                if (OwnedChange(context, tracked, entry, navigation) is { } change)
                {
                    changes[navigation.Name] = change;
                }
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            if (action == AuditAction.Modified && changes.Count == 0)
            {
                continue; // saved without a real change
            }

            entries.Add(new AuditEntry
            {
                At = now,
                ActorUserId = actor.UserId,
                ActorName = actor.Name,
                ActorEmail = actor.Email,
                BrandId = BrandOf(entry.Entity),
                EntityType = TypeName(entry.Entity),
                EntityKey = KeyOf(entry),
                Action = action,
                Operation = frame?.Operation,
                Changes = JsonSerializer.Serialize(changes, AuditChanges.JsonOptions),
            });
        }

        return entries;
    }

    /// <summary>
    /// The audited records whose owned parts (owned types such as a stream plan's STAGE sections,
    /// stored as JSON) were added, changed or removed, with the record's navigations that lead to
    /// them. EF tracks owned parts as entries of their own, so without this a change to a section
    /// would be audited, if at all, as a change of nothing.
    /// </summary>
    private static Dictionary<object, HashSet<INavigation>>? OwnedChanges(List<EntityEntry> tracked, bool includeAccounts)
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

            if (current is not null && navigation is not null && IsAudited(current.Entity, includeAccounts))
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
    private static AuditChanges.Change? OwnedChange(DbContext context, List<EntityEntry> tracked, EntityEntry owner, INavigation navigation)
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

    private static bool IsAudited(object entity, bool includeAccounts) => entity switch
    {
        AuditEntry => false,
        IAudited => true,
        PortalUser or IdentityUserRole<Guid> or OpenIddictEntityFrameworkCoreApplication => includeAccounts,
        _ => false,
    };

    private static Guid? BrandOf(object entity) => entity switch
    {
        IBrandAudited owned => owned.BrandId,
        Brand brand => brand.Id,
        _ => null,
    };

    /// <summary>Stable, readable names: the CLR name, with the Identity and OpenIddict generics spelled simply.</summary>
    internal static string TypeName(object entity) => entity switch
    {
        IdentityUserRole<Guid> => "UserRole",
        OpenIddictEntityFrameworkCoreApplication => "ApiClient",
        _ => entity.GetType().Name,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join("|", key.Properties.Select(p =>
        {
            var property = entry.Property(p.Name);
            return property.IsTemporary ? "(new)" : Convert.ToString(property.CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }));
    }

    private static string? RoleName(DbContext context, Guid roleId) =>
        context.Set<IdentityRole<Guid>>().Local.FirstOrDefault(r => r.Id == roleId)?.Name
        ?? context.Set<IdentityRole<Guid>>().AsNoTracking().Where(r => r.Id == roleId).Select(r => r.Name).FirstOrDefault();
}
