using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;

namespace Portal.UnitTests.Core.Localization;

/// <summary>Counted texts: the one-or-many key, and the count written as the pager beside it writes it.</summary>
public sealed class PluralTextTests
{
    /// <summary>Two keys of a resource set, as a .resx holds them.</summary>
    private sealed class Texts : IStringLocalizer
    {
        private static readonly Dictionary<string, string> Values = new() { ["Entries"] = "{0} entries", ["Entries_One"] = "{0} entry" };

        public LocalizedString this[string name] => new(name, Values[name]);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, Values[name], arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => Values.Select(v => new LocalizedString(v.Key, v.Value));
    }

    [Theory]
    [InlineData(PortalCultures.English, 1, "1 entry")]
    [InlineData(PortalCultures.English, 123456, "123,456 entries")]
    [InlineData(PortalCultures.Chinese, 123456, "123,456 entries")]
    public void Count_PicksItsKey_AndIsWrittenGrouped(string culture, int count, string expected)
    {
        using var _ = PortalCultures.Use(culture);

        new Texts().Plural("Entries", count).Value.ShouldBe(expected);
    }

    [Fact]
    public void Arguments_WhenGiven_AreWrittenAsTheyCome()
    {
        using var _ = PortalCultures.Use(PortalCultures.English);

        new Texts().Plural("Entries", 2, "1.2K").Value.ShouldBe("1.2K entries");
    }
}
