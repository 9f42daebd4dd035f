using System.Text.RegularExpressions;
using Portal.Core.Localization;

namespace Portal.UnitTests.Web.Localization;

/// <summary>One way of writing dates, in both languages, everywhere a date is shown.</summary>
public sealed partial class PortalDatesTests
{
    [Theory]
    [InlineData(PortalCultures.English)]
    [InlineData(PortalCultures.Chinese)]
    public void Dates_InEitherLanguage_AreIsoDaysOnThePlatformClock(string culture)
    {
        using var _ = PortalCultures.Use(culture);
        // 23:30 in UTC is the next morning in China.
        var instant = new DateTimeOffset(2026, 11, 15, 23, 30, 5, TimeSpan.Zero);

        PortalDates.Day(new DateOnly(2026, 1, 9)).ShouldBe("2026-01-09");
        PortalDates.Day(instant).ShouldBe("2026-11-16");
        PortalDates.DayTime(instant).ShouldBe("2026-11-16 07:30");
        PortalDates.DayTimeSeconds(instant).ShouldBe("2026-11-16 07:30:05");
        PortalDates.Month(new DateOnly(2026, 3, 31)).ShouldBe("2026-03");
        PortalDates.Day((DateOnly?)null, "—").ShouldBe("—");
    }

    [Fact]
    public void Sources_WriteNoDateInACulturesOwnPattern()
    {
        var root = Repository.Root;
        var offenders = Directory.GetFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/"))
            .SelectMany(f => CulturePattern().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        offenders.ShouldBeEmpty("dates go through PortalDates (11/16/2026 in en-US, 2026/11/16 in zh-CN disagreed)");
    }

    [Fact]
    public void DatePickers_ShowIsoDays()
    {
        var offenders = Sources(".razor")
            .SelectMany(f => DatePicker().Matches(File.ReadAllText(f)).Where(m => !m.Value.Contains("DateFormat=\"yyyy-MM-dd\"", StringComparison.Ordinal))
                .Select(m => $"{Path.GetFileName(f)}: {m.Value[..Math.Min(80, m.Value.Length)]}"))
            .ToList();

        offenders.ShouldBeEmpty("without DateFormat a picker writes the culture's short date (11/16/2026, 2026/11/16)");
    }

    [Fact]
    public void Resources_HoldNoDatePatterns()
    {
        var offenders = Sources(".resx")
            .SelectMany(f => ResourceValue().Matches(File.ReadAllText(f)).Where(m => DatePattern().IsMatch(m.Groups[1].Value))
                .Select(m => $"{Path.GetFileName(f)}: {m.Groups[1].Value}"))
            .ToList();

        offenders.ShouldBeEmpty("a pattern in a resource is a culture's own date shape; dates go through PortalDates");
    }

    private static IEnumerable<string> Sources(string extension) =>
        Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*" + extension, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"));

    [GeneratedRegex(@"<MudDate(Range)?Picker\b.*?(/>|</MudDate)", RegexOptions.Singleline)]
    private static partial Regex DatePicker();

    [GeneratedRegex(@"<value>([^<]*)</value>")]
    private static partial Regex ResourceValue();

    /// <summary>A culture's own date pattern: month names (MMMM yyyy, d MMM yyyy) or Chinese date words (yyyy年M月d日); ISO yyyy-MM-dd is the one format.</summary>
    [GeneratedRegex(@"MMM|yyyy年|M月|d日")]
    private static partial Regex DatePattern();

    /// <summary>ToString("d"), ("g"), ("D")... with the reader's culture: each language its own shape.</summary>
    [GeneratedRegex(@"\.ToString\(""[dDgGfF]"",\s*(System\.Globalization\.)?CultureInfo\.CurrentCulture\)")]
    private static partial Regex CulturePattern();
}
