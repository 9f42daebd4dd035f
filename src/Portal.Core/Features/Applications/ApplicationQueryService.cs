using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Applications;

/// <summary>
/// Reading applications: one application as the reader may see it (members and staff), and the staff's
/// queue of applications waiting for a decision.
/// </summary>
public sealed class ApplicationQueryService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The application as <paramref name="user"/> may see it; null when they may not (or it does not exist).</summary>
    public async Task<ApplicationView?> GetAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.Include(b => b.Categories).AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null)
        {
            return null;
        }

        var role = await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken);
        var staff = BrandDirectory.IsStaff(user);
        if (role is null && !staff)
        {
            return null;
        }

        var history = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.BrandId == brand.Id)
            .OrderByDescending(e => e.CreatedAt)
            .GroupJoin(db.Users, e => e.ActorUserId, u => u.Id, (e, actors) => new { e, actors })
            .SelectMany(x => x.actors.DefaultIfEmpty(), (x, actor) => new { x.e, Name = actor == null ? "" : actor.DisplayName })
            .ToListAsync(cancellationToken);

        var actions = new List<ApplicationAction>();
        if (role is not null)
        {
            actions.AddRange(ApplicationWorkflow.Available(brand.Status, ApplicationActor.Brand));
        }

        if (staff)
        {
            actions.AddRange(ApplicationWorkflow.Available(brand.Status, ApplicationActor.Staff));
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        return new ApplicationView(
            new BrandSummary(brand.Id, brand.Code, brand.NameZh, brand.NameEn, role),
            brand.Status,
            ToProfile(brand),
            brand.SubmittedAt,
            brand.DecisionDueOn,
            brand.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview && brand.DecisionDueOn < today,
            brand.LastDecisionReason,
            brand.LastDecisionAt,
            brand.OpenChangeRequests,
            brand.ReapplyFrom,
            ApplicationRules.MissingForSubmission(brand),
            actions,
            role is not null && ApplicationWorkflow.IsEditable(brand.Status),
            history.Select(h => new ApplicationEventView(h.e.Action, h.e.From, h.e.To, h.Name, h.e.CreatedAt, h.e.Reason, h.e.FieldReasons)).ToList());
    }

    /// <summary>Applications waiting for staff (submitted or under review), oldest submission first.</summary>
    public async Task<IReadOnlyList<ApplicationQueueItem>> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var rows = await db.Brands.AsNoTracking()
            .Where(b => (b.Status == ApplicationStatus.Submitted || b.Status == ApplicationStatus.UnderReview) && b.SubmittedAt != null)
            .OrderBy(b => b.SubmittedAt)
            .Select(b => new { b.Code, b.NameZh, b.NameEn, b.Status, b.SubmittedAt, b.DecisionDueOn })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ApplicationQueueItem(r.Code, r.NameZh, r.NameEn, r.Status, r.SubmittedAt!.Value, r.DecisionDueOn!.Value, r.DecisionDueOn < today)).ToList();
    }

    private static BrandProfile ToProfile(Brand brand) => new()
    {
        NameZh = brand.NameZh,
        NameEn = brand.NameEn,
        CompanyName = brand.CompanyName,
        ContactName = brand.ContactName,
        ContactPhone = brand.ContactPhone,
        ContactEmail = brand.ContactEmail,
        StoreId = brand.StoreId,
        TrademarkNumber = brand.TrademarkNumber,
        TrademarkClass = brand.TrademarkClass,
        TrademarkOwner = brand.TrademarkOwner,
        CategoryIds = brand.Categories.Select(c => c.CategoryId).ToList(),
        AuthorizationChain = brand.AuthorizationChain.Select(l => new AuthorizationLink { Grantor = l.Grantor, Grantee = l.Grantee }).ToList(),
        Revision = brand.ProfileRevision,
    };
}
