using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// The portfolio sorted by name in SQL (<see cref="NameOrder.Collation"/>): pinyin for Chinese, Latin letters
/// alphabetically with case aside, the same order on both engines and as <see cref="NameOrder.Comparer"/> in memory.
/// </summary>
public abstract class PortfolioNameOrderScenarios
{
    private static readonly (string Code, string NameEn, string NameZh)[] Names =
    [
        ("order-a", "banana", "云南白药"),
        ("order-b", "Apple", "北京烤鸭"),
        ("order-c", "cherry", "杭州丝绸"),
        ("order-d", "apple", "阿里山茶"),
        ("order-e", "Avocado", "成都火锅"),
    ];

    protected abstract PortalAppFactory App();

    private static async Task<List<string>> NamesInOrderAsync(PortalAppFactory app, string culture)
    {
        using var _ = PortalCultures.Use(culture);
        var page = await app.Services.GetRequiredService<PortfolioQuery>()
            .PageAsync(await app.PrincipalAsync(DemoData.OperatorEmail), new PortfolioSpec { Search = "order-", Sort = PortfolioSort.Name });
        return page.Value.ShouldNotBeNull().Rows.Select(r => r.Name).ToList();
    }

    [EngineFact]
    public async Task SortByName_ChineseByPinyin_LatinCaseAside_AsInMemory()
    {
        await using var app = App();
        foreach (var (code, nameEn, nameZh) in Names)
        {
            await TestBrands.CreateWithOwnerAsync(app, code, $"{code}@example.test", nameEn, nameZh);
        }

        await PortfolioRefreshQueueScenarios.RunJobAsync(app);

        (await NamesInOrderAsync(app, PortalCultures.Chinese)).ShouldBe(["阿里山茶", "北京烤鸭", "成都火锅", "杭州丝绸", "云南白药"]);
        // "Apple" and "apple" tie in the name order: the code (order-b before order-d) decides, on both engines.
        (await NamesInOrderAsync(app, PortalCultures.English)).ShouldBe(["Apple", "apple", "Avocado", "banana", "cherry"]);
        Names.OrderBy(n => n.NameZh, NameOrder.Comparer).ThenBy(n => n.Code, StringComparer.Ordinal).Select(n => n.NameZh)
            .ShouldBe(await NamesInOrderAsync(app, PortalCultures.Chinese));
        Names.OrderBy(n => n.NameEn, NameOrder.Comparer).ThenBy(n => n.Code, StringComparer.Ordinal).Select(n => n.NameEn)
            .ShouldBe(await NamesInOrderAsync(app, PortalCultures.English));
    }
}

/// <summary>The name order on SQLite (the collation registered per connection).</summary>
// The SQLite instance of the scenarios: its PostgreSQL twin runs them there, so the both-engines run skips this class.
[Trait("Engine", "Sqlite")]
public sealed class PortfolioNameOrderTests : PortfolioNameOrderScenarios
{
    protected override PortalAppFactory App() => PortfolioRefreshQueueScenarios.NewApp();
}

/// <summary>The name order on PostgreSQL (the ICU collation of the NameOrderCollation migration).</summary>
[Trait("Kind", "Postgres")]
public sealed class PortfolioNameOrderPostgresTests : PortfolioNameOrderScenarios
{
    protected override PortalAppFactory App() => PortalAppFactory.OnPostgres(settings: PortfolioRefreshQueueScenarios.NoJobServer);
}
