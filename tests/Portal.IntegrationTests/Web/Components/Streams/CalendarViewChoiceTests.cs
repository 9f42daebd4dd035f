using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Streams;

namespace Portal.IntegrationTests.Web.Components.Streams;

/// <summary>The stream calendar marks today and shows which view (month, week, list) is chosen; on the real app's services.</summary>
public sealed class CalendarViewChoiceTests : PortalTestContext, IClassFixture<StreamsApp>
{
    private readonly StreamsApp _fixture;

    public CalendarViewChoiceTests(StreamsApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Streams);
        Services.AddSingleton<TimeProvider>(fixture.App.Clock);
    }

    private DateOnly Today => PlatformTime.DayOf(_fixture.App.Clock.GetUtcNow());

    private IRenderedComponent<StreamCalendarView> RenderCalendar()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoData.BrandManagerEmail);
        auth.SetRoles(PortalRoles.BrandManager);
        auth.SetClaims(_fixture.Owner.Claims.Where(c => c.Type == ClaimTypes.NameIdentifier).ToArray());
        var brand = new BrandSummary(_fixture.DemoBrandId, DemoData.BrandCode, DemoData.BrandNameZh, DemoData.BrandNameEn, BrandMemberRole.Owner);
        var calendar = Render<StreamCalendarView>(p => p.Add(c => c.Brand, brand));
        calendar.WaitForAssertion(() => calendar.FindAll("table.stream-month").ShouldNotBeEmpty());
        return calendar;
    }

    private static string? Pressed(IRenderedComponent<StreamCalendarView> calendar, string view) =>
        calendar.Find($"[data-testid='calendar-views'] [data-view='{view}']").GetAttribute("aria-pressed");

    [Fact]
    public void Calendar_OpensOnTheMonth_WithTodayMarked()
    {
        var calendar = RenderCalendar();

        Pressed(calendar, "month").ShouldBe("true");
        Pressed(calendar, "week").ShouldBe("false");
        var today = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        calendar.FindAll("td[aria-current='date']").Select(td => td.GetAttribute("data-day")).ShouldBe([today]);
    }

    [Fact]
    public void Calendar_ChoosingWeek_MarksWeekAsChosenAndTodayInTheList()
    {
        var calendar = RenderCalendar();

        calendar.Find("[data-testid='calendar-views'] [data-view='week']").Click();

        calendar.WaitForAssertion(() => Pressed(calendar, "week").ShouldBe("true"));
        Pressed(calendar, "month").ShouldBe("false");
        // The week's entries load after the choice is marked.
        calendar.WaitForAssertion(() => calendar.Find("[aria-current='date'] h3").TextContent.ShouldEndWith("· Today"));
    }

    [Fact]
    public void Calendar_ChoosingList_ShowsOnlyTheMonthsStreams_InChinese()
    {
        UseCulture(PortalCultures.Chinese);
        var calendar = RenderCalendar();

        calendar.Find("[data-testid='calendar-views'] [data-view='list']").Click();

        calendar.WaitForAssertion(() => Pressed(calendar, "list").ShouldBe("true"));
        calendar.Find("[data-testid='calendar-views'] [data-view='list']").TextContent.ShouldContain("列表");
        calendar.FindAll("table.stream-month").ShouldBeEmpty();
        calendar.Find("[data-testid='streams-list']").TextContent.ShouldContain("老铁回馈夜");
    }
}
