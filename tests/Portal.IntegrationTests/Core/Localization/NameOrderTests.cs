using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Brands;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Localization;

/// <summary>Chinese names sort by pinyin, in memory and in SQLite (where paging sorts).</summary>
public sealed class NameOrderTests
{
    // Code order, code-point order (云 北 安 杭) and pinyin order (安 北 杭 云) all differ.
    private static readonly (string Code, string NameZh, string NameEn)[] Brands =
    [
        ("py-a", "云南普洱", "Yunnan Puer"),
        ("py-b", "安徽毛峰", "anhui maofeng"),
        ("py-c", "北京烤鸭", "Beijing Duck"),
        ("py-d", "杭州丝绸", "Hangzhou Silk"),
    ];

    private static readonly string[] PinyinOrder = ["py-b", "py-c", "py-d", "py-a"];

    [Fact]
    public void Comparer_ChineseNames_SortByPinyinAndLatinNamesAlphabetically()
    {
        new[] { "张伟", "云南", "北京", "安徽", "杭州", "成都" }.Order(NameOrder.Comparer)
            .ShouldBe(["安徽", "北京", "成都", "杭州", "云南", "张伟"]);
        new[] { "beta", "Alpha", "gamma" }.Order(NameOrder.Comparer).ShouldBe(["Alpha", "beta", "gamma"]);
    }

    [Fact]
    public async Task Sqlite_OrderByThePortalCollation_SortsByPinyin()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        foreach (var (code, zh, en) in Brands)
        {
            await TestBrands.CreateWithOwnerAsync(app, code, "pinyin@example.com", en, zh);
        }

        var codes = await app.WithDbAsync(db => db.Brands.Where(b => b.Code.StartsWith("py-"))
            .OrderBy(b => EF.Functions.Collate(b.NameZh, NameOrder.Collation))
            .Select(b => b.Code)
            .ToListAsync());

        codes.ShouldBe(PinyinOrder);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, new[] { "py-b", "py-c", "py-d", "py-a" })]
    [InlineData(PortalCultures.English, new[] { "py-b", "py-c", "py-d", "py-a" })]
    public async Task BrandSwitcher_ListsMyBrandsByTheNameIRead(string culture, string[] expected)
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        foreach (var (code, zh, en) in Brands)
        {
            await TestBrands.CreateWithOwnerAsync(app, code, "pinyin@example.com", en, zh);
        }

        var user = await app.PrincipalAsync("pinyin@example.com");
        using var _ = PortalCultures.Use(culture);
        var brands = await app.Services.GetRequiredService<BrandDirectory>().MyBrandsAsync(user);

        brands.Select(b => b.Code).ShouldBe(expected);
    }
}
