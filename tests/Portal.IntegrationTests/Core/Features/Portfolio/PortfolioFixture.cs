using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// One app with 300 generated brands whose every column follows from the brand's number, so each
/// test can compute what the grid must answer (<see cref="Expected"/>) and compare. The clock stands
/// at 2026-09-15 noon in China; the background refresh is off, the fixture rebuilds the rows once.
/// </summary>
public class PortfolioFixture : IAsyncLifetime
{
    public const int Count = 300;
    public const string Prefix = "pfx";
    public static readonly DateTimeOffset Now = new(2026, 9, 15, 4, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 9, 15);

    private PortalAppFactory? _app;

    public PortalAppFactory App => _app ?? throw new InvalidOperationException("The fixture has no app (no PostgreSQL server given).");

    /// <summary>The fixture's host without a job server; null when its engine is not at hand (its tests are skipped).</summary>
    protected virtual PortalAppFactory? NewApp() => new(settings: PortfolioRefreshQueueScenarios.NoJobServer);

    public Guid OperatorId { get; private set; }

    public IReadOnlyList<GeneratedBrand> Brands { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _app = NewApp();
        if (_app is null)
        {
            return;
        }

        App.Clock.MoveTo(Now);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            OperatorId = (await users.FindByEmailAsync(DemoData.OperatorEmail))!.Id;
        }

        Brands = Enumerable.Range(0, Count).Select(i => new GeneratedBrand(i, $"{Prefix}-{i:000}")).ToList();
        await App.WithDbAsync(async db =>
        {
            var trademark = await db.RequirementRules.SingleAsync(r => r.Code == "brand-trademark");
            var food = await db.Categories.SingleAsync(c => c.Code == "food");
            foreach (var g in Brands)
            {
                var brand = new Brand
                {
                    Code = g.Code,
                    NameEn = $"Brand {g.I:000}",
                    NameZh = $"品牌{Count - 1 - g.I:000}",
                    CreatedAt = Now.AddDays(-90),
                    Tier = g.Tier,
                    AccountManagerUserId = g.Mine ? OperatorId : null,
                };
                brand.Status = g.Status;
                db.Brands.Add(brand);
                g.Id = brand.Id;
                if (g.Food)
                {
                    db.BrandCategories.Add(new BrandCategory { BrandId = brand.Id, CategoryId = food.Id });
                }

                if (g.Document is { } kind)
                {
                    var document = new Document
                    {
                        BrandId = brand.Id,
                        RuleId = trademark.Id,
                        Type = trademark.DocumentType,
                        Version = 1,
                        FileHash = new string('a', 64),
                        ContentType = "application/pdf",
                        DisplayName = "tm.pdf",
                        CertificateNumber = $"TM-{g.I:000000}",
                        IssuedOn = Today.AddYears(-1),
                        ExpiresOn = kind switch
                        {
                            DocumentKind.Lapsed => Today.AddDays(-1),
                            DocumentKind.Expiring => Today.AddDays(10),
                            _ => Today.AddYears(1),
                        },
                        CreatedAt = Now.AddDays(-60),
                    };
                    document.Status = kind == DocumentKind.Awaiting ? DocumentStatus.AwaitingReview : DocumentStatus.Approved;
                    db.Documents.Add(document);
                }

                foreach (var day in g.FigureDays)
                {
                    db.DailyMetrics.Add(new DailyMetric { BrandId = brand.Id, Date = day, Gmv = g.DailyGmv, Orders = 3, PaidOrders = 3, UpdatedAt = Now.AddDays(-1) });
                }
            }

            await db.SaveChangesAsync();
            return 0;
        });
        (await App.Services.GetRequiredService<PortfolioRefresher>().RefreshAllAsync()).ShouldBeGreaterThanOrEqualTo(Count);
    }

    /// <summary>The generated brands that match, in code order.</summary>
    public List<string> Expected(Func<GeneratedBrand, bool> match) => Brands.Where(match).Select(b => b.Code).Order(StringComparer.Ordinal).ToList();

    public Task DisposeAsync() => _app?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}

/// <summary>The same generated portfolio on PostgreSQL.</summary>
public sealed class PortfolioPostgresFixture : PortfolioFixture
{
    protected override PortalAppFactory? NewApp() =>
        PostgresDatabase.Server is null ? null : PortalAppFactory.OnPostgres(settings: PortfolioRefreshQueueScenarios.NoJobServer);
}

public enum DocumentKind
{
    Lapsed,
    Expiring,
    Awaiting,
    Current,
}

/// <summary>Brand number <see cref="I"/> and everything that follows from it.</summary>
public sealed class GeneratedBrand(int i, string code)
{
    public int I { get; } = i;

    public string Code { get; } = code;

    public Guid Id { get; set; }

    public GrowthTier Tier => (GrowthTier)(I % 4);

    public ApplicationStatus Status => (ApplicationStatus)(I % 7);

    public bool Mine => I % 5 == 0;

    public bool Food => I % 8 == 5;

    public DocumentKind? Document => (I % 6) switch
    {
        1 => DocumentKind.Lapsed,
        2 => DocumentKind.Expiring,
        3 => DocumentKind.Awaiting,
        4 => DocumentKind.Current,
        _ => null,
    };

    public ComplianceStatus Compliance =>
        Document == DocumentKind.Lapsed ? ComplianceStatus.Blocked
        : Document is DocumentKind.Expiring or DocumentKind.Current && !Food ? ComplianceStatus.Compliant
        : ComplianceStatus.Incomplete;

    public decimal DailyGmv => (I + 1) * 10m;

    /// <summary>Every third brand has no figures; one in three stopped sending 20 days ago; the rest send daily.</summary>
    public IEnumerable<DateOnly> FigureDays => (I % 3) switch
    {
        1 => Enumerable.Range(0, 40).Select(d => PortfolioFixture.Today.AddDays(-d)),
        2 => Enumerable.Range(20, 31).Select(d => PortfolioFixture.Today.AddDays(-d)),
        _ => [],
    };

    public decimal Gmv30 => FigureDays.Count(d => d > PortfolioFixture.Today.AddDays(-30)) * DailyGmv;

    public bool Stalled => I % 3 != 1;

    public string NameEn => string.Create(CultureInfo.InvariantCulture, $"Brand {I:000}");
}
