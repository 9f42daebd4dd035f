using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Core;
using Portal.Core.Localization;
using Portal.Web;

namespace Portal.UnitTests.Web.Localization;

/// <summary>Every resource set (each *.resx under src/ with its .zh-CN twin) is complete in both languages.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Root = Repository.Root;

    /// <summary>The English (neutral) .resx files; each has a .zh-CN.resx beside it.</summary>
    public static TheoryData<string> ResourceFiles() => new(EnglishFiles());

    private static IEnumerable<string> EnglishFiles() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && Path.GetFileNameWithoutExtension(f).IndexOf('.') < 0)
            .Select(f => Path.GetRelativePath(Root, f))
            .Order();

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    private static (Dictionary<string, string> English, Dictionary<string, string> Chinese) Pair(string relative)
    {
        var english = Path.Combine(Root, relative);
        var chinese = Path.ChangeExtension(english, null) + ".zh-CN.resx";
        File.Exists(chinese).ShouldBeTrue($"{relative} has no .zh-CN.resx twin");
        return (Read(english), Read(chinese));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ChineseAndEnglish_HaveTheSameKeys(string file)
    {
        var (english, chinese) = Pair(file);

        english.Keys.Except(chinese.Keys).ShouldBeEmpty("keys without a Chinese text");
        chinese.Keys.Except(english.Keys).ShouldBeEmpty("Chinese keys without an English text");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ChineseTexts_AreWrittenInChinese(string file)
    {
        var (_, chinese) = Pair(file);
        // Language names are endonyms ("English" stays English), and codes such as "KA" need no translation.
        var untranslated = chinese.Where(e => !HasCjk().IsMatch(e.Value) && !e.Key.StartsWith("Language_English") && !IsCode(e.Value)).Select(e => e.Key).ToList();

        untranslated.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Placeholders_MatchBetweenLanguages(string file)
    {
        var (english, chinese) = Pair(file);

        foreach (var (key, text) in english.Where(e => chinese.ContainsKey(e.Key)))
        {
            Placeholder().Matches(chinese[key]).Select(m => m.Value).Order()
                .ShouldBe(Placeholder().Matches(text).Select(m => m.Value).Order(), key);
        }
    }

    [Fact]
    public void ResourcesAreEmbedded_AndFoundByTheLocalizer()
    {
        var ui = new ResourceManager("Portal.Web.Resources.UiStrings", typeof(UiStrings).Assembly);
        var core = new ResourceManager("Portal.Core.Resources.CoreStrings", typeof(CoreStrings).Assembly);

        ui.GetString("Nav_Home", CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("首页");
        ui.GetString("Nav_Home", CultureInfo.GetCultureInfo("en")).ShouldBe("Home");
        core.GetString("Field_Email", CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("电子邮箱");
    }

    [Fact]
    public void EveryLiteralKeyUsedInCode_Exists()
    {
        var known = EnglishFiles().SelectMany(f => Read(Path.Combine(Root, f)).Keys).ToHashSet();
        var sources = Directory.GetFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".razor")) && !f.Contains("/bin/") && !f.Contains("/obj/"));

        var missing = sources
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => $"{m.Groups[2].Value} ({Path.GetFileName(f)})"))
            .Where(k => !known.Contains(k[..k.IndexOf(' ')]))
            .Distinct()
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void EveryCountedKeyUsedInCode_HasATextForOneAndForMany()
    {
        var known = EnglishFiles().SelectMany(f => Read(Path.Combine(Root, f)).Keys).ToHashSet();
        var sources = Directory.GetFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".razor")) && !f.Contains("/bin/") && !f.Contains("/obj/"));

        var used = sources.SelectMany(f => PluralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var missing = used.SelectMany(k => new[] { k, k + PluralText.OneSuffix }).Where(k => !known.Contains(k)).ToList();

        used.ShouldNotBeEmpty();
        missing.ShouldBeEmpty();
    }

    private static bool IsCode(string value) => CodeLike().IsMatch(value);

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex HasCjk();

    [GeneratedRegex(@"^[A-Z0-9 ./%¥+-]{1,12}$")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A localizer indexed with a literal key: L["Key"], T["Key"], strings["Key"], Strings["Key"]...</summary>
    [GeneratedRegex(@"\b([A-Z][A-Za-z]{0,2}|strings|Strings|Localizer)\[""([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)""")]
    private static partial Regex LocalizerKey();

    /// <summary>A counted text, L.Plural("Key", count, ...): it needs Key and Key_One.</summary>
    [GeneratedRegex(@"\.Plural\(""([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)""")]
    private static partial Regex PluralKey();
}
