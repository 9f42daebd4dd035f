using System.Globalization;
using Portal.Core.Formatting;

namespace Portal.UnitTests.Core.Formatting;

/// <summary>Figures as a Chinese or an English reader expects to see them.</summary>
public sealed class FiguresTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("76725734", "¥7,672.6万")]
    [InlineData("120000000", "¥1.2亿")]
    [InlineData("1234567890", "¥12.3亿")]
    [InlineData("10000", "¥1万")]
    [InlineData("9999", "¥9,999")]
    [InlineData("99.5", "¥99.5")]
    [InlineData("0", "¥0")]
    [InlineData("99999999", "¥1亿")]
    [InlineData("-25000", "-¥2.5万")]
    [InlineData("12500", "¥1.3万")]
    public void Money_InChinese_CountsInWanAndYi(string amount, string expected) =>
        Figures.Money(decimal.Parse(amount, CultureInfo.InvariantCulture), Zh).ShouldBe(expected);

    [Theory]
    [InlineData("76725734", "¥76.7M")]
    [InlineData("850000", "¥850K")]
    [InlineData("999960", "¥1M")]
    [InlineData("999940", "¥999.9K")]
    [InlineData("1234567890", "¥1.2B")]
    [InlineData("999", "¥999")]
    [InlineData("0.5", "¥0.5")]
    [InlineData("1250", "¥1.3K")]
    [InlineData("-1250", "-¥1.3K")]
    public void Money_InEnglish_UsesThousandsAndMillions(string amount, string expected) =>
        Figures.Money(decimal.Parse(amount, CultureInfo.InvariantCulture), En).ShouldBe(expected);

    [Theory]
    [InlineData("76725734", "¥76,725,734")]
    [InlineData("99.5", "¥99.50")]
    public void MoneyExact_GroupsDigitsAndKeepsCents(string amount, string expected)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        Figures.MoneyExact(value, Zh).ShouldBe(expected);
        Figures.MoneyExact(value, En).ShouldBe(expected);
    }

    [Fact]
    public void Count_UsesTheReadersUnits()
    {
        Figures.Count(12_451_840, Zh).ShouldBe("1,245.2万");
        Figures.Count(12_451_840, En).ShouldBe("12.5M");
        Figures.Count(350, Zh).ShouldBe("350");
        Figures.CountExact(12_451_840, Zh).ShouldBe("12,451,840");
    }

    [Fact]
    public void Percent_WritesRatiosWithUpToTheAskedDecimals()
    {
        Figures.Percent(0.1234, 1, Zh).ShouldBe("12.3%");
        Figures.Percent(0.5, 1, En).ShouldBe("50%");
        Figures.Percent(0.126, 0, En).ShouldBe("13%");
    }

    [Fact]
    public void Change_IsSignedAndUnknownWithoutABase()
    {
        Figures.Change(110m, 100m, En).ShouldBe("+10%");
        Figures.Change(90m, 100m, En).ShouldBe("−10%");
        Figures.Change(100m, 100m, En).ShouldBe("0%");
        Figures.Change(5m, 0m, En).ShouldBeNull();
    }

    [Fact]
    public void Money_WithoutCulture_FollowsTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = Zh;
            Figures.Money(76_725_734m).ShouldBe("¥7,672.6万");
            CultureInfo.CurrentCulture = En;
            Figures.Money(76_725_734m).ShouldBe("¥76.7M");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
