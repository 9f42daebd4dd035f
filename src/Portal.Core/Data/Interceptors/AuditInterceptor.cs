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
            Complete(context, entries, ActorFacts.Of(ActorQuery(context, entries)?.ToList()));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && await CollectAsync(context, async: true, cancellationToken) is { Count: > 0 } entries)
        {
            var rows = ActorQuery(context, entries) is { } query ? await query.ToListAsync(cancellationToken) : null;
            Complete(context, entries, ActorFacts.Of(rows));
        }

        return result;
    }

    /// <summary>
    /// The actor's display name, the provider they work for (for "on behalf of") and which of the entries' brands
    /// they are a member of, in one query, when the context knows users.
    /// </summary>
    private static IQueryable<ActorRow>? ActorQuery(DbContext context, List<AuditEntry> entries)
    {
        if (entries[0].ActorUserId is not { } id || context is not PortalDbContext db)
        {
            return null;
        }

        var brandIds = entries.Select(e => e.BrandId).OfType<Guid>().Distinct().ToList();
        // One row per brand of the entries the actor is a member of (one row with none when they are of none).
        return from user in db.Users.AsNoTracking()
               where user.Id == id
               join member in db.BrandMembers.Where(m => brandIds.Contains(m.BrandId)) on user.Id equals member.UserId into memberships
               from member in memberships.DefaultIfEmpty()
               select new ActorRow(
                   user.DisplayName,
                   db.ProviderMembers.Where(m => m.UserId == id).Select(m => (Guid?)m.ProviderId).FirstOrDefault(),
                   member == null ? null : member.BrandId);
    }

    /// <summary>
    /// Adds the entries with the actor's name. The provider is stamped only where the person acted for it: on an
    /// entry of a brand they are not a member of (a member acts as the brand), and on entries without a brand.
    /// </summary>
    private static void Complete(DbContext context, List<AuditEntry> entries, ActorFacts? actor)
    {
        foreach (var entry in entries)
        {
            if (!string.IsNullOrWhiteSpace(actor?.DisplayName))
            {
                entry.ActorName = actor.DisplayName;
            }

            entry.ActorProviderId = entry.BrandId is { } brandId && actor?.MemberOf.Contains(brandId) == true ? null : actor?.ProviderId;
            context.Add(entry);
        }
    }

    private sealed record ActorRow(string? DisplayName, Guid? ProviderId, Guid? MemberOf);

    private sealed record ActorFacts(string? DisplayName, Guid? ProviderId, HashSet<Guid> MemberOf)
    {
        public static ActorFacts? Of(List<ActorRow>? rows) =>
            rows is { Count: > 0 } ? new(rows[0].DisplayName, rows[0].ProviderId, rows.Select(r => r.MemberOf).OfType<Guid>().ToHashSet()) : null;
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
        var owned = OwnedPartChanges.Find(tracked, entity => IsAudited(entity, includeAccounts));
        foreach (var entry in tracked)
        {
            var ownedNavigations = owned?.GetValueOrDefault(entry.Entity);
            if (entry.Metadata.IsOwned()
                || (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) && ownedNavigations is null)
                || !IsAudited(entry.Entity, includeAccounts))
            {
                continue;
            }

            var changes = await ChangesAsync(context, tracked, entry, ownedNavigations, async, cancellationToken);
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

    /// <summary>What changed in one record: its own properties, its role (for a role link) and its owned parts.</summary>
    private static async ValueTask<Dictionary<string, AuditChanges.Change>> ChangesAsync(
        DbContext context, List<EntityEntry> tracked, EntityEntry entry, HashSet<INavigation>? ownedNavigations, bool async, CancellationToken cancellationToken)
    {
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
            if (OwnedPartChanges.Change(context, tracked, entry, navigation) is { } change)
            {
                changes[navigation.Name] = change;
            }
        }

        return changes;
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
