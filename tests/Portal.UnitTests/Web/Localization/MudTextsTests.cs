using System.Collections;
using System.Globalization;
using System.Resources;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Core.Localization;
using Portal.UnitTests.Web.Components;
using Portal.Web;
using Portal.Web.Localization;

namespace Portal.UnitTests.Web.Localization;

/// <summary>MudBlazor's own texts (pager, grid menus, pickers) come from the portal's MudTexts resources.</summary>
public sealed class MudTextsTests() : PortalTestContext(PortalCultures.Chinese)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(PortalCultures.Chinese);

    /// <summary>Every key of MudBlazor's LanguageResource with its English text, read from MudBlazor itself.</summary>
    private static Dictionary<string, string> MudBlazorKeys()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void EveryMudBlazorKeyInWords_HasAChineseText()
    {
        var ours = new ResourceManager("Portal.Web.Resources.MudTexts", typeof(MudTexts).Assembly);
        var keys = MudBlazorKeys();

        // Operator signs ("=", "<=", "!=") read the same in every language; MudBlazor's own text stays.
        var missing = keys.Where(k => k.Value.Any(char.IsLetter))
            .Where(k => ours.GetString(k.Key, Chinese) is not { } text || !text.Any(c => c >= '\u3400' && c <= '\u9fff'))
            .Select(k => k.Key)
            .ToList();

        keys.Count.ShouldBeGreaterThan(100);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void EnglishMudTexts_RepeatMudBlazorsEnglish()
    {
        var ours = new ResourceManager("Portal.Web.Resources.MudTexts", typeof(MudTexts).Assembly);
        var english = CultureInfo.GetCultureInfo(PortalCultures.English);

        foreach (var (key, text) in MudBlazorKeys().Where(k => k.Value.Any(char.IsLetter)))
        {
            ours.GetString(key, english).ShouldBe(text, key);
        }
    }

    [Fact]
    public void DataGridPager_InChinese_ShowsChineseRowsPerPageAndRange()
    {
        Services.AddTransient<MudLocalizer, PortalMudLocalizer>();

        var grid = Render<MudDataGrid<int>>(parameters => parameters
            .Add(g => g.Items, Enumerable.Range(1, 30).ToList())
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.PagerContent, builder =>
            {
                builder.OpenComponent<MudDataGridPager<int>>(0);
                builder.CloseComponent();
            }));

        grid.Markup.ShouldContain("每页行数");
        grid.Markup.ShouldContain("第 1-10 条，共 30 条");
        grid.Markup.ShouldNotContain("Rows per page");
    }

    [Fact]
    public void Localizer_WithASignKey_LetsMudBlazorKeepItsOwnText()
    {
        Services.AddTransient<MudLocalizer, PortalMudLocalizer>();

        var text = Services.GetRequiredService<MudLocalizer>()["MudDataGrid_EqualSign"];

        text.ResourceNotFound.ShouldBeTrue();
    }
}
