using Portal.Core;
using Bunit;
using Portal.Core.Features.Streams;
using Portal.Core.Localization;
using Portal.Web.Components.Pages.Streams;

namespace Portal.UnitTests.Web.Components.Streams;

/// <summary>The month grid and the week list put each stream on its China day, by time and title.</summary>
public sealed class CalendarTests : PortalTestContext
{
    private static StreamCalendarItem Item(string title, DateTimeOffset start, StreamStatus status = StreamStatus.Draft) =>
        new(Guid.NewGuid(), title, PlatformTime.ToPlatform(start), 120, "Tea Yun", status);

    private static DateTimeOffset Cst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, PlatformTime.Offset);

    [Fact]
    public void MonthGrid_ShowsEachStreamOnItsDay_ByTimeAndTitle()
    {
        var midnight = Item("Midnight show", Cst(12, 1, 0, 30), StreamStatus.Ready);
        var christmas = Item("Christmas tea", Cst(12, 24, 20), StreamStatus.Done);

        var cut = Render<MonthGrid>(p => p.Add(g => g.Year, 2026).Add(g => g.Month, 12).Add(g => g.Code, "demo-tea").Add(g => g.Streams, [midnight, christmas]));

        cut.Find("td[data-day='2026-12-01']").TextContent.ShouldContain("00:30 Midnight show");
        cut.Find("td[data-day='2026-12-24']").TextContent.ShouldContain("20:00 Christmas tea");
        cut.Find("td[data-day='2026-12-02']").TextContent.Trim().ShouldBe("2");
        cut.Find("td[data-day='2026-12-01'] a").GetAttribute("href").ShouldBe($"/brands/demo-tea/streams/{midnight.Id}");
        cut.Find("td[data-day='2026-12-24'] a").GetAttribute("title").ShouldBe("Done");
        // Not by colour alone: each status has its icon, and a screen reader hears it.
        cut.Find("td[data-day='2026-12-24'] .visually-hidden").TextContent.ShouldBe(" · Done");
        cut.Find("td[data-day='2026-12-24'] a svg").InnerHtml.ShouldNotBe(cut.Find("td[data-day='2026-12-01'] a svg").InnerHtml, "Done and Ready have different icons");
    }

    [Fact]
    public void MonthGrid_RunsInWeeksFromMonday_ThroughTheWholeMonth()
    {
        var cut = Render<MonthGrid>(p => p.Add(g => g.Year, 2026).Add(g => g.Month, 12).Add(g => g.Code, "demo-tea").Add(g => g.Streams, []));

        cut.FindAll("th").Select(h => h.TextContent).ShouldBe(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
        var days = cut.FindAll("td").Select(d => d.GetAttribute("data-day")).ToList();
        days.First().ShouldBe("2026-11-30");
        days.Last().ShouldBe("2027-01-03");
        days.Count.ShouldBe(35);
    }

    [Fact]
    public void MonthGrid_ShowsNothingOnDaysOfTheNeighbouringMonths()
    {
        var lateNovember = Item("November show", Cst(11, 30, 20));

        var cut = Render<MonthGrid>(p => p.Add(g => g.Year, 2026).Add(g => g.Month, 12).Add(g => g.Code, "demo-tea").Add(g => g.Streams, [lateNovember]));

        cut.Find("td[data-day='2026-11-30']").TextContent.ShouldNotContain("November show");
    }

    [Fact]
    public void WeekList_ListsTheSevenDays_WithTheirStreamsOrNone()
    {
        var tuesday = Item("Tuesday tasting", Cst(12, 8, 19, 30), StreamStatus.Ready);

        var cut = Render<WeekList>(p => p.Add(w => w.From, new DateOnly(2026, 12, 7)).Add(w => w.Code, "demo-tea").Add(w => w.Streams, [tuesday]));

        cut.FindAll("h3").Select(h => h.TextContent).ShouldBe(
        [
            "Monday · 2026-12-07", "Tuesday · 2026-12-08", "Wednesday · 2026-12-09", "Thursday · 2026-12-10",
            "Friday · 2026-12-11", "Saturday · 2026-12-12", "Sunday · 2026-12-13",
        ]);
        var day = cut.Find("[data-day='2026-12-08']").TextContent;
        day.ShouldContain("19:30");
        day.ShouldContain("Tuesday tasting");
        day.ShouldContain("Ready");
        cut.Find("[data-day='2026-12-07']").TextContent.ShouldContain("No streams");
    }

    [Fact]
    public void WeekList_InChinese_NamesDaysAndStatesInChinese()
    {
        UseCulture(PortalCultures.Chinese);
        var tuesday = Item("品鉴会", Cst(12, 8, 19, 30), StreamStatus.Ready);

        var cut = Render<WeekList>(p => p.Add(w => w.From, new DateOnly(2026, 12, 7)).Add(w => w.Code, "demo-tea").Add(w => w.Streams, [tuesday]));

        cut.FindAll("h3")[1].TextContent.ShouldBe("星期二 · 2026-12-08");
        cut.Find("[data-day='2026-12-08']").TextContent.ShouldContain("已就绪");
        cut.Find("[data-day='2026-12-07']").TextContent.ShouldContain("无直播");
    }
}
