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
        var root = ResourceTests.RepositoryRoot();
        var offenders = Directory.GetFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/"))
            .SelectMany(f => CulturePattern().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        offenders.ShouldBeEmpty("dates go through PortalDates (11/16/2026 in en-US, 2026/11/16 in zh-CN disagreed)");
    }

    /// <summary>ToString("d"), ("g"), ("D")... with the reader's culture: each language its own shape.</summary>
    [GeneratedRegex(@"\.ToString\(""[dDgGfF]"",\s*(System\.Globalization\.)?CultureInfo\.CurrentCulture\)")]
    private static partial Regex CulturePattern();
}
