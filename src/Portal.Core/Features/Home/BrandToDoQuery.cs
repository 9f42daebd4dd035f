using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Streams;

namespace Portal.Core.Features.Home;

/// <summary>The next stream of a brand and how many of its five STAGE sections are complete.</summary>
public sealed record ToDoStream(Guid Id, string Title, DateTimeOffset StartAt, StreamStatus Status, int SectionsComplete, int SectionsTotal)
{
    public bool IsReady => SectionsComplete == SectionsTotal;
}

/// <summary>
/// The newest document of a requirement that runs out within the warning window or has run out. As for the expiry
/// job, a document is expired on its expiry day: <see cref="DaysLeft"/> is 1 on its last valid day, 0 or less once expired.
/// </summary>
public sealed record ToDoDocument(Guid Id, DocumentType Type, string? CertificateNumber, DateOnly ExpiresOn, int DaysLeft);

/// <summary>Staff's public messages posted after the brand last wrote in its thread.</summary>
public sealed record ToDoMessages(int Count, DateTimeOffset LatestAt, string LatestBody);

/// <summary>A submitted application waiting for staff, with the day their decision is due.</summary>
public sealed record ToDoDecision(ApplicationStatus Status, DateOnly DueOn, int DaysLeft, bool Overdue);

/// <summary>One figure this month so far against the same days of last month (null: no figure in that period).</summary>
public sealed record KpiTrend(string Key, decimal? Current, decimal? Previous, bool IsMoney);

/// <summary>
/// What a brand manager should do next for one brand, most pressing first: its application status,
/// the next STEPS task, the next stream, expiring documents, staff messages waiting for an answer,
/// and the month's key figures against last month.
/// </summary>
public sealed record BrandToDo(
    BrandSummary Brand,
    ApplicationStatus ApplicationStatus,
    ToDoDecision? Decision,
    NextStep? NextTask,
    ToDoStream? NextStream,
    IReadOnlyList<ToDoDocument> ExpiringDocuments,
    int ExpiryWindowDays,
    ToDoMessages? WaitingMessages,
    DateOnly Today,
    IReadOnlyList<KpiTrend> Kpis)
{
    /// <summary>
    /// The brand's journey board the <see cref="NextTask"/> was chosen from, as <see cref="JourneyService.GetBoardAsync"/>
    /// answers it for this person, so a page showing both reads the journey once.
    /// </summary>
    public JourneyBoard? Journey { get; init; }

    /// <summary>Whether anything asks for the brand's attention (the figures aside); an approved brand with no stream planned should plan one.</summary>
    public bool HasWork => Decision is not null || NextTask is not null || NextStream is not null || ExpiringDocuments.Count > 0 || WaitingMessages is not null
        || ApplicationStatus is ApplicationStatus.Draft or ApplicationStatus.ChangesRequested or ApplicationStatus.Approved;
}

/// <summary>
/// Builds a brand's to-do list for a person who may see the brand (its members and staff); anyone
/// else gets null, exactly as for a brand that does not exist.
/// </summary>
public sealed class BrandToDoQuery(
    IDbContextFactory<PortalDbContext> dbFactory,
    BrandDirectory brands,
    JourneyService journey,
    IOptionsMonitor<DocumentOptions> documentOptions,
    TimeProvider clock)
{
    /// <summary>The figures the KPI cards compare, in the order they show.</summary>
    public static readonly IReadOnlyList<string> KpiKeys = ["Gmv", "PaidOrders", "NewFans", "Streams"];

    public async Task<BrandToDo?> GetAsync(ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken = default)
    {
        var brand = await brands.FindAccessibleAsync(user, brandCode, cancellationToken);
        // The to-do list spans the whole brand: members and staff only, never a provider's people.
        if (brand is null || !brand.Sees(Providers.DelegatedArea.None))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var window = documentOptions.CurrentValue.FirstWarningDays;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.Brands.AsNoTracking().Where(b => b.Id == brand.Id)
            .Select(b => new { b.Status, b.DecisionDueOn }).SingleAsync(cancellationToken);
        var decision = application is { Status: ApplicationStatus.Submitted or ApplicationStatus.UnderReview, DecisionDueOn: { } due }
            ? new ToDoDecision(application.Status, due, due.DayNumber - today.DayNumber, due < today)
            : null;

        var areas = await journey.GetAreasAsync(brand.Id, cancellationToken);
        return new BrandToDo(
            brand,
            application.Status,
            decision,
            JourneyBoard.Recommend(areas),
            await NextStreamAsync(db, brand.Id, now, cancellationToken),
            await ExpiringAsync(db, brand.Id, today, window, cancellationToken),
            window,
            await WaitingMessagesAsync(db, brand.Id, cancellationToken),
            today,
            await KpisAsync(db, brand.Id, today, cancellationToken))
        {
            // Members and staff see the steps area (Sees(None) above implies it); the board is the one GetBoardAsync builds.
            Journey = new JourneyBoard(brand, CanChange: brand.MayWork(Providers.DelegatedArea.StepsTasks), areas),
        };
    }

    private static async Task<ToDoStream?> NextStreamAsync(PortalDbContext db, Guid brandId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Start times are compared in memory: SQLite cannot order DateTimeOffset columns.
        var plans = await db.StreamPlans.AsNoTracking()
            .Where(p => p.BrandId == brandId && (p.Status == StreamStatus.Draft || p.Status == StreamStatus.Ready))
            .ToListAsync(cancellationToken);
        var next = plans.Where(p => p.StartAt >= now).MinBy(p => p.StartAt);
        if (next is null)
        {
            return null;
        }

        var readiness = StageReadiness.Of(next);
        return new ToDoStream(next.Id, next.Title, next.StartAt, next.Status, readiness.CompleteCount, readiness.Sections.Count);
    }

    private static async Task<IReadOnlyList<ToDoDocument>> ExpiringAsync(PortalDbContext db, Guid brandId, DateOnly today, int window, CancellationToken cancellationToken)
    {
        var last = today.AddDays(window);
        // Expired versions count too: a document that has just run out is the most pressing of all.
        var approved = await db.Documents.AsNoTracking()
            .Where(d => d.BrandId == brandId && (d.Status == DocumentStatus.Approved || d.Status == DocumentStatus.Expired))
            .Select(d => new { d.Id, d.RuleId, d.Version, d.Type, d.CertificateNumber, d.ExpiresOn })
            .ToListAsync(cancellationToken);
        // Only the newest approved or expired version speaks for a requirement: a replaced one needs no action.
        return approved
            .GroupBy(d => d.RuleId)
            .Select(g => g.MaxBy(d => d.Version)!)
            .Where(d => d.ExpiresOn is { } expires && expires <= last)
            .Select(d => new ToDoDocument(d.Id, d.Type, d.CertificateNumber, d.ExpiresOn!.Value, d.ExpiresOn.Value.DayNumber - today.DayNumber))
            .OrderBy(d => d.ExpiresOn)
            .ToList();
    }

    private static async Task<ToDoMessages?> WaitingMessagesAsync(PortalDbContext db, Guid brandId, CancellationToken cancellationToken)
    {
        var comments = await db.BrandComments.AsNoTracking()
            .Where(c => c.BrandId == brandId && !c.IsInternal)
            .Select(c => new { c.ByStaff, c.CreatedAt, c.Body })
            .ToListAsync(cancellationToken);
        var brandLast = comments.Where(c => !c.ByStaff).Select(c => (DateTimeOffset?)c.CreatedAt).Max();
        var waiting = comments.Where(c => c.ByStaff && (brandLast is null || c.CreatedAt > brandLast)).OrderBy(c => c.CreatedAt).ToList();
        return waiting.Count == 0 ? null : new ToDoMessages(waiting.Count, waiting[^1].CreatedAt, waiting[^1].Body);
    }

    /// <summary>
    /// This month up to its last day with figures against the same days of last month, so a month under way is not
    /// compared with a whole one, nor today's missing figures with yesterday's delivered ones.
    /// </summary>
    private static async Task<IReadOnlyList<KpiTrend>> KpisAsync(PortalDbContext db, Guid brandId, DateOnly today, CancellationToken cancellationToken)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var previousStart = monthStart.AddMonths(-1);
        var rows = await db.DailyMetrics.AsNoTracking()
            .Where(m => m.BrandId == brandId && m.Date >= previousStart && m.Date <= today)
            .ToListAsync(cancellationToken);
        var lastKnown = rows.Where(r => r.Date >= monthStart).Select(r => (DateOnly?)r.Date).Max() ?? today;
        var previousEnd = previousStart.AddDays(Math.Min(lastKnown.Day, DateTime.DaysInMonth(previousStart.Year, previousStart.Month)) - 1);
        var current = rows.Where(r => r.Date >= monthStart && r.Date <= lastKnown).ToList();
        var previous = rows.Where(r => r.Date <= previousEnd).ToList();
        return
        [
            new("Gmv", Sum(current, r => r.Gmv), Sum(previous, r => r.Gmv), IsMoney: true),
            new("PaidOrders", Sum(current, r => r.PaidOrders), Sum(previous, r => r.PaidOrders), IsMoney: false),
            new("NewFans", Sum(current, r => r.NewFans), Sum(previous, r => r.NewFans), IsMoney: false),
            new("Streams", Sum(current, r => r.Streams), Sum(previous, r => r.Streams), IsMoney: false),
        ];
    }

    /// <summary>The sum of the known figures; null when none is known (unknown is not zero).</summary>
    private static decimal? Sum(IReadOnlyList<Metrics.DailyMetric> rows, Func<Metrics.DailyMetric, decimal?> figure) =>
        rows.Select(figure).Where(v => v is not null).Aggregate((decimal?)null, (total, v) => (total ?? 0) + v);

    private static decimal? Sum(IReadOnlyList<Metrics.DailyMetric> rows, Func<Metrics.DailyMetric, long?> figure) =>
        Sum(rows, r => figure(r) is { } v ? (decimal?)v : null);
}
