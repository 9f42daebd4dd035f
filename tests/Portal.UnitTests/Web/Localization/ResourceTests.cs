using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Portal.Core;
using Portal.Web;

namespace Portal.UnitTests.Web.Localization;

public sealed partial class ResourceTests
{
    public static TheoryData<string> ResourceSets => new() { "core", "ui" };

    private static ResourceManager Manager(string set) => set == "core"
        ? new ResourceManager("Portal.Core.Resources.CoreStrings", typeof(CoreStrings).Assembly)
        : new ResourceManager("Portal.Web.Resources.UiStrings", typeof(UiStrings).Assembly);

    private static Dictionary<string, string> Entries(ResourceManager manager, string culture) =>
        manager.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void ChineseAndEnglish_HaveTheSameKeys(string set)
    {
        var manager = Manager(set);

        var english = Entries(manager, "");
        var chinese = Entries(manager, "zh-CN");

        english.Keys.Except(chinese.Keys).ShouldBeEmpty("keys without a Chinese text");
        chinese.Keys.Except(english.Keys).ShouldBeEmpty("Chinese keys without an English text");
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void ChineseTexts_AreWrittenInChinese(string set)
    {
        var chinese = Entries(Manager(set), "zh-CN");
        // Language names are endonyms: "English" stays English in the Chinese UI.
        var untranslated = chinese.Where(e => e.Key != "Language_English" && !HasCjk().IsMatch(e.Value)).Select(e => e.Key).ToList();

        untranslated.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Placeholders_MatchBetweenLanguages(string set)
    {
        var manager = Manager(set);
        var english = Entries(manager, "");
        var chinese = Entries(manager, "zh-CN");

        foreach (var (key, text) in english)
        {
            Placeholder().Matches(chinese[key]).Select(m => m.Value).Order()
                .ShouldBe(Placeholder().Matches(text).Select(m => m.Value).Order(), key);
        }
    }

    [Fact]
    public void EveryLiteralKeyUsedInTheUi_Exists()
    {
        var root = RepositoryRoot();
        var english = Entries(Manager("ui"), "");
        var core = Entries(Manager("core"), "");
        var uiFiles = Directory.GetFiles(Path.Combine(root, "src", "Portal.Web"), "*.razor", SearchOption.AllDirectories);
        var coreFiles = Directory.GetFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs") || f.EndsWith(".razor"));

        var missingUi = uiFiles.SelectMany(f => UiKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().Where(k => !english.ContainsKey(k)).ToList();
        var missingCore = coreFiles.SelectMany(f => CoreKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().Where(k => !core.ContainsKey(k)).ToList();

        missingUi.ShouldBeEmpty();
        missingCore.ShouldBeEmpty();
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test folder");
    }

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex HasCjk();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bL\[""([A-Za-z_]+)""")]
    private static partial Regex UiKey();

    [GeneratedRegex(@"\bstrings\[""([A-Za-z_]+)""")]
    private static partial Regex CoreKey();
}
