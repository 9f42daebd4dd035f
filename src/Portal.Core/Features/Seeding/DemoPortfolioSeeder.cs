using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Data.Configurations;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;

namespace Portal.Core.Features.Seeding;

/// <summary>
/// Seeds the demo portfolio (<see cref="DemoPortfolio"/>): the first <c>Seed:DemoBrandCount</c>
/// invented brands, each approved with an owner account, and six months of daily figures up to
/// the platform's yesterday; then evaluates milestones and tiers so the dashboards have them.
/// Runs after every brand feature's contributor (only the providers' demo, which serves some of its brands, comes later) and only for brands that are absent, so a restart changes nothing.
/// </summary>
internal sealed class DemoPortfolioSeeder(
    IOptions<SeedOptions> options,
    MetricsEvaluationService evaluation,
    TimeProvider clock,
    ILogger<DemoPortfolioSeeder> logger) : ISeedContributor
{
    public Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        var wanted = DemoPortfolio.Brands.Take(options.Value.DemoBrandCount).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var codes = wanted.Select(b => b.Code).ToList();
        var existing = await db.Brands.Where(b => codes.Contains(b.Code)).Select(b => b.Code).ToListAsync(cancellationToken);
        var missing = wanted.Where(b => !existing.Contains(b.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var brandManagerRole = await db.Roles.Where(r => r.Name == PortalRoles.BrandManager).Select(r => r.Id).SingleAsync(cancellationToken);
        var created = new List<(DemoBrand Demo, Brand Brand)>();
        foreach (var demoBrand in missing)
        {
            var brand = CreateBrand(db, demoBrand, categories[demoBrand.Category], demo, brandManagerRole, today);
            created.Add((demoBrand, brand));
        }

        await db.SaveChangesAsync(cancellationToken);
        var rows = await InsertFiguresAsync(db, created, today, now, cancellationToken);

        await evaluation.EvaluateAllAsync(cancellationToken);
        await BackdateAsync(db, created.Select(c => c.Brand.Id).ToList(), now, cancellationToken);
        logger.LogInformation("Seeded {Brands} demo portfolio brand(s) with {Rows} days of figures in {Elapsed} ms", created.Count, rows, started.ElapsedMilliseconds);
    }

    private static Brand CreateBrand(PortalDbContext db, DemoBrand demoBrand, Guid categoryId, DemoSeedContext demo, Guid brandManagerRole, DateOnly today)
    {
        var f = DemoPortfolio.FakerFor(demoBrand, stream: 2);
        var (from, _) = DemoPortfolio.FigureDays(demoBrand, today);
        var createdAt = PlatformTime.At(from.AddDays(-f.Random.Int(8, 20)), new TimeOnly(10, 0));
        var city = f.PickRandom("杭州", "广州", "深圳", "成都", "上海", "苏州", "长沙", "昆明", "青岛", "武汉");
        var company = $"{city}{demoBrand.NameZh}商贸有限公司";
        var contact = f.Name.LastName() + f.Name.FirstName();

        var owner = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            CreatedAt = createdAt,
            UserName = $"owner@{demoBrand.Code}.demo.test",
            NormalizedUserName = $"OWNER@{demoBrand.Code.ToUpperInvariant()}.DEMO.TEST",
            Email = $"owner@{demoBrand.Code}.demo.test",
            NormalizedEmail = $"OWNER@{demoBrand.Code.ToUpperInvariant()}.DEMO.TEST",
            EmailConfirmed = true,
            SecurityStamp = f.Random.Guid().ToString("N").ToUpperInvariant(),
            DisplayName = $"{contact} ({demoBrand.NameEn})",
            PreferredCulture = PortalCultures.Chinese,
        };
        db.Users.Add(owner);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = owner.Id, RoleId = brandManagerRole });

        var trademarkClass = demoBrand.Category switch
        {
            "food" => 30,
            "cosmetics" => 3,
            "apparel" => 25,
            "jewellery" => 14,
            "electronics" or "used-phones" => 9,
            _ => 21,
        };
        var brand = new Brand
        {
            Code = demoBrand.Code,
            NameZh = demoBrand.NameZh,
            NameEn = demoBrand.NameEn,
            CreatedAt = createdAt,
            CompanyName = company,
            ContactName = contact,
            ContactPhone = $"+86 1{f.Random.Int(30, 99)} {f.Random.Int(1000, 9999)} {f.Random.Int(1000, 9999)}",
            ContactEmail = owner.Email,
            StoreId = $"store-{f.Random.Int(1_000_000, 9_999_999)}",
            TrademarkNumber = $"TM-{trademarkClass}-{f.Random.Int(2012, 2024)}-{f.Random.Int(100_000, 999_999)}",
            TrademarkClass = trademarkClass,
            TrademarkOwner = company,
            // Two in three brands already have the demo SKA operator as account manager.
            AccountManagerUserId = demoBrand.Index % 3 == 2 ? null : demo.OperatorId,
            Status = ApplicationStatus.Approved,
            SubmittedAt = createdAt.AddDays(2),
            DecisionDueOn = PlatformTime.AddWorkingDays(PlatformTime.DayOf(createdAt.AddDays(2)), 3),
            LastDecisionAt = createdAt.AddDays(4),
            LastDecisionReason = "资质齐全，欢迎入驻。Documents complete; welcome aboard.",
        };
        brand.Categories.Add(new BrandCategory { BrandId = brand.Id, CategoryId = categoryId });
        db.Brands.Add(brand);
        db.BrandMembers.Add(new BrandMember { BrandId = brand.Id, UserId = owner.Id, Role = BrandMemberRole.Owner, JoinedAt = createdAt });
        db.ApplicationEvents.AddRange(
            Event(brand.Id, ApplicationAction.Submit, ApplicationStatus.Draft, ApplicationStatus.Submitted, owner.Id, createdAt.AddDays(2)),
            Event(brand.Id, ApplicationAction.StartReview, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, demo.OperatorId, createdAt.AddDays(3)),
            Event(brand.Id, ApplicationAction.Approve, ApplicationStatus.UnderReview, ApplicationStatus.Approved, demo.OperatorId, createdAt.AddDays(4), brand.LastDecisionReason));
        return brand;
    }

    private static ApplicationEvent Event(Guid brandId, ApplicationAction action, ApplicationStatus from, ApplicationStatus to, Guid actor, DateTimeOffset at, string? reason = null) =>
        new() { BrandId = brandId, Action = action, From = from, To = to, ActorUserId = actor, CreatedAt = at, Reason = reason };

    /// <summary>All figures through one prepared statement in one transaction: no change tracking of thousands of rows.</summary>
    private static async Task<int> InsertFiguresAsync(PortalDbContext db, IReadOnlyList<(DemoBrand Demo, Brand Brand)> brands, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await using var insert = MetricsIngestionService.WriteCommand(connection, transaction.GetDbTransaction(), replaceExisting: false);
            var values = StoredValues.For(connection);
            var stamp = values.Instant(now);
            var count = 0;
            foreach (var (demoBrand, brand) in brands)
            {
                foreach (var row in DemoPortfolio.Figures(demoBrand, brand.Id, today))
                {
                    MetricsIngestionService.Bind(insert.Parameters, row, stamp, values);
                    count += await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            // Raw SQL, which EF's save step never sees: the brands' rows must show these figures (PortfolioRefreshQueue).
            await PortfolioRefreshQueue.EnqueueAsync(connection, transaction.GetDbTransaction(), brands.Select(b => b.Brand.Id), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The evaluation stamps milestones and tier moves with today's date; for seeded history they
    /// are dated when they happened, so a stalled brand does not look active because of its seeding.
    /// </summary>
    private static async Task BackdateAsync(PortalDbContext db, IReadOnlyList<Guid> brandIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The night after the day (when the nightly recompute runs), never later than now.
        DateTimeOffset NightAfter(DateOnly day) => Min(PlatformTime.At(day.AddDays(1), new TimeOnly(2, 30)), now);

        var milestones = await db.MilestoneAchievements.Where(a => brandIds.Contains(a.BrandId)).ToListAsync(cancellationToken);
        foreach (var milestone in milestones)
        {
            var at = NightAfter(milestone.AchievedOn);
            milestone.CreatedAt = at;
            milestone.TasksCompletedAt = milestone.TasksCompletedAt is null ? null : at;
        }

        var tiers = await db.Set<TierChange>().Where(c => brandIds.Contains(c.BrandId)).ToListAsync(cancellationToken);
        foreach (var change in tiers)
        {
            change.CreatedAt = NightAfter(change.EffectiveFrom.AddDays(-1));
        }

        // A task a milestone completed is dated with that milestone, not with the seeding.
        var definitions = await db.MilestoneDefinitions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.TaskCodes, cancellationToken);
        var taskCodes = await db.PlaybookTasks.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, cancellationToken);
        var tasks = await db.BrandTasks
            .Where(t => brandIds.Contains(t.BrandId) && t.CompletionSource == Journey.CompletionSource.Milestone)
            .ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            var by = milestones
                .Where(m => m.BrandId == task.BrandId && definitions[m.MilestoneDefinitionId].Contains(taskCodes[task.PlaybookTaskId]))
                .OrderBy(m => m.CreatedAt)
                .FirstOrDefault();
            if (by is not null)
            {
                task.CompletedAt = by.CreatedAt;
                task.UpdatedAt = by.CreatedAt;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
