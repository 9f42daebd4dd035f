using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Portal.UnitTests.Web.Localization;

/// <summary>
/// A navigation link's text is the title of the page it opens, in both languages (the glossary's
/// first rule, docs/GLOSSARY.md). Read from the sources: each link's localizer key, and the
/// &lt;PageTitle&gt; key of the page whose @page route is the link's target.
/// </summary>
public sealed partial class NavigationTitleTests
{
    private static readonly string Root = Repository.Root;

    /// <summary>
    /// The home link says "Home" while the home page is titled by the portal's name; the sign-up page's title says who
    /// signs up.
    /// </summary>
    private static readonly HashSet<string> Exempt = ["/", "/Account/Register"];

    public static TheoryData<string> Cultures() => new(["en", "zh-CN"]);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void NavLinks_ReadLikeTheTitlesOfTheirPages(string culture)
    {
        var components = Path.Combine(Root, "src", "Portal.Web", "Components");
        var nav = Path.Combine(components, "Layout", "NavMenu.razor");
        var pages = Directory.GetFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => Route().Matches(File.ReadAllText(f)).Select(m => (Route: m.Groups[1].Value, File: f)))
            .ToDictionary(p => p.Route, p => p.File);

        var checkedLinks = 0;
        var differences = new List<string>();
        foreach (Match link in NavLink().Matches(File.ReadAllText(nav)))
        {
            var target = "/" + link.Groups[1].Value.TrimStart('/');
            if (Exempt.Contains(target) || !pages.TryGetValue(target, out var page) || PageTitle().Match(File.ReadAllText(page)) is not { Success: true } title)
            {
                continue;
            }

            var linkText = Text(Localizers(nav)[link.Groups[2].Value], link.Groups[3].Value, culture);
            var titleText = Text(Localizers(page)[title.Groups[1].Value], title.Groups[2].Value, culture);
            checkedLinks++;
            if (linkText != titleText)
            {
                differences.Add($"{target}: link \"{linkText}\", title \"{titleText}\"");
            }
        }

        checkedLinks.ShouldBeGreaterThan(8);
        differences.ShouldBeEmpty();
    }

    /// <summary>The localizers a component may use: its folders' _Imports.razor, then its own @inject lines.</summary>
    private static Dictionary<string, string> Localizers(string component)
    {
        var files = new List<string>();
        for (var folder = Path.GetDirectoryName(component); folder is not null && folder.Contains(Path.Combine("src", "Portal.Web", "Components")); folder = Path.GetDirectoryName(folder))
        {
            files.Insert(0, Path.Combine(folder, "_Imports.razor"));
        }

        files.Add(component);
        var localizers = new Dictionary<string, string>();
        foreach (var file in files.Where(File.Exists))
        {
            foreach (Match inject in Inject().Matches(File.ReadAllText(file)))
            {
                localizers[inject.Groups[2].Value] = inject.Groups[1].Value;
            }
        }

        return localizers;
    }

    private static string Text(string resource, string key, string culture)
    {
        var suffix = culture == "en" ? "" : $".{culture}";
        var file = Directory.GetFiles(Path.Combine(Root, "src"), $"{resource}{suffix}.resx", SearchOption.AllDirectories)
            .Single(f => !f.Contains("/bin/") && !f.Contains("/obj/"));
        return XDocument.Load(file).Root!.Elements("data").Single(e => (string)e.Attribute("name")! == key).Element("value")!.Value;
    }

    [GeneratedRegex(@"@page ""([^""{]+)""")]
    private static partial Regex Route();

    // NavMenu's links: @Link("/ops", L["Nav_Operations"], ...) (SideNavLink markup).
    [GeneratedRegex(@"@Link\(""([^""]+)"", (\w+)\[""(\w+)""\]")]
    private static partial Regex NavLink();

    [GeneratedRegex(@"<PageTitle>@(\w+)\[""(\w+)""\]")]
    private static partial Regex PageTitle();

    [GeneratedRegex(@"@inject IStringLocalizer<(?:[\w.]+\.)?(\w+)>\s+(\w+)")]
    private static partial Regex Inject();
}
