using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Streams;

namespace Portal.Core.Features.TrustCard;

/// <summary>One line of the history: when, who, and the selection before and after.</summary>
public sealed record TrustCardHistoryEntry(DateTimeOffset ChangedAt, string ChangedBy, TrustEntitlements Before, TrustEntitlements After);

/// <summary>What the trust-card page shows.</summary>
public sealed record TrustCardView(
    TrustEntitlements Entitlements,
    IReadOnlyList<TrustTier> Tiers,
    TrustTier? ReachedTier,
    IReadOnlyList<TrustCardHistoryEntry> History,
    bool CanEdit);

public sealed record TrustCardOutcome(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly TrustCardOutcome Success = new(true, []);

    public static TrustCardOutcome Failure(string error) => new(false, [error]);
}

/// <summary>
/// A brand's trust-card commitments: members change them, staff read them; every change is kept
/// with its time and author.
/// </summary>
public sealed class TrustCardService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<StreamCoreStrings> strings,
    TimeProvider clock)
{
    /// <summary>The brand's card, its tiers and history; null when the user may not see the brand.</summary>
    public async Task<TrustCardView?> GetAsync(ClaimsPrincipal user, Guid brandId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var right = await BrandRights.OfAsync(db, user, brandId, DelegatedArea.None, clock, cancellationToken);
        if (right == BrandRight.None)
        {
            return null;
        }

        var tiers = await TiersAsync(db, cancellationToken);
        var current = await db.TrustCardCommitments.AsNoTracking()
            .Where(c => c.BrandId == brandId).Select(c => (TrustEntitlements?)c.Entitlements).SingleOrDefaultAsync(cancellationToken) ?? TrustEntitlements.None;
        var history = (await db.TrustCardChanges.AsNoTracking()
                .Where(c => c.BrandId == brandId)
                .GroupJoin(db.Users, c => c.ChangedByUserId, u => u.Id, (c, users) => new { c, users })
                .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.c.CreatedAt, Name = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email, x.c.Before, x.c.After })
                .ToListAsync(cancellationToken))
            // SQLite orders the binary-encoded instants correctly, but sorting here keeps the query plain.
            .OrderByDescending(x => x.CreatedAt)
            .Select(x => new TrustCardHistoryEntry(x.CreatedAt, string.IsNullOrWhiteSpace(x.Name) ? x.Email ?? "?" : x.Name, x.Before, x.After))
            .ToList();
        return new TrustCardView(current, tiers, TrustTier.Reached(tiers, current), history, right == BrandRight.Edit);
    }

    /// <summary>Commits the brand to exactly <paramref name="selection"/>; records a history entry when it changes anything.</summary>
    public async Task<TrustCardOutcome> SaveAsync(ClaimsPrincipal user, Guid brandId, TrustEntitlements selection, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        switch (await BrandRights.OfAsync(db, user, brandId, DelegatedArea.None, clock, cancellationToken))
        {
            case BrandRight.View:
                return TrustCardOutcome.Failure(strings["TrustCard_Refused_ViewOnly"]);
            case BrandRight.None:
                return TrustCardOutcome.Failure(strings["TrustCard_Refused_NotFound"]);
        }

        var userId = BrandDirectory.UserId(user)!.Value;
        await ApplyAsync(db, brandId, selection, userId, clock.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException race) when (UniqueViolation.Is(race))
        {
            // Another save made the brand's first commitment meanwhile (its key is the brand): apply this one over it.
            db.ChangeTracker.Clear();
            await ApplyAsync(db, brandId, selection, userId, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TrustCardOutcome.Success;
    }

    /// <summary>Sets the commitment on <paramref name="db"/> without saving (the demo seed uses it too).</summary>
    internal static async Task ApplyAsync(PortalDbContext db, Guid brandId, TrustEntitlements selection, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var card = await db.TrustCardCommitments.SingleOrDefaultAsync(c => c.BrandId == brandId, cancellationToken);
        var before = card?.Entitlements ?? TrustEntitlements.None;
        if (card is not null && before == selection)
        {
            return;
        }

        if (card is null)
        {
            card = new TrustCardCommitment { BrandId = brandId };
            db.TrustCardCommitments.Add(card);
        }

        card.Entitlements = selection;
        card.UpdatedAt = now;
        card.UpdatedByUserId = userId;
        db.TrustCardChanges.Add(new TrustCardChange { BrandId = brandId, Before = before, After = selection, ChangedByUserId = userId, CreatedAt = now });
    }

    private static async Task<IReadOnlyList<TrustTier>> TiersAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.TrustTiers.AsNoTracking().OrderBy(t => t.Rank).ToListAsync(cancellationToken);
}
