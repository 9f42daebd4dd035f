using Portal.Core;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Streams;

/// <summary>The calendar's month and week ranges are China days, and hold only the brand's streams.</summary>
public sealed class StreamCalendarTests(StreamsApp fixture) : IClassFixture<StreamsApp>
{
    private static DateTimeOffset Cst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, PlatformTime.Offset);

    private async Task<Guid> CreateAsync(Guid brandId, System.Security.Claims.ClaimsPrincipal owner, string title, DateTimeOffset start)
    {
        var outcome = await fixture.Streams.CreateAsync(owner, brandId, StreamsApp.EmptyPlan(start, title));
        outcome.Errors.ShouldBeEmpty();
        return outcome.Value;
    }

    [Fact]
    public async Task Month_HoldsAStreamJustAfterMidnightInChina_ThoughItIsTheMonthBeforeInUtc()
    {
        var (brandId, owner) = await fixture.NewBrandAsync("cal-edge");
        var start = Cst(12, 1, 0, 30);
        start.UtcDateTime.Month.ShouldBe(11);
        await CreateAsync(brandId, owner, "Midnight show", start);

        var december = (await fixture.Streams.MonthAsync(owner, brandId, 2026, 12)).ShouldNotBeNull();
        var november = (await fixture.Streams.MonthAsync(owner, brandId, 2026, 11)).ShouldNotBeNull();

        december.Streams.Select(s => s.Title).ShouldBe(["Midnight show"]);
        december.Streams.Single().StartAt.ShouldBe(start);
        december.Streams.Single().Day.ShouldBe(new DateOnly(2026, 12, 1));
        november.Streams.ShouldBeEmpty();
    }

    [Fact]
    public async Task Month_HoldsOnlyTheBrandsStreamsOfThatMonth_InOrder()
    {
        var (brandId, owner) = await fixture.NewBrandAsync("cal-month");
        await CreateAsync(brandId, owner, "Last of November", Cst(11, 30, 23, 59));
        await CreateAsync(brandId, owner, "Late December", Cst(12, 31, 23, 0));
        await CreateAsync(brandId, owner, "Early December", Cst(12, 2, 20));
        await CreateAsync(brandId, owner, "New year", Cst(1, 1, 0, 0).AddYears(1));
        // Another brand's stream in the same month must not appear.
        await fixture.CreateDemoPlanAsync(StreamsApp.EmptyPlan(Cst(12, 10, 20), "Demo brand's stream"));

        var december = (await fixture.Streams.MonthAsync(owner, brandId, 2026, 12)).ShouldNotBeNull();

        december.Streams.Select(s => s.Title).ShouldBe(["Early December", "Late December"]);
        december.CanEdit.ShouldBeTrue();
    }

    [Fact]
    public async Task Week_RunsMondayToSundayInChinaTime()
    {
        var (brandId, owner) = await fixture.NewBrandAsync("cal-week");
        // 2026-12-07 is a Monday; its week ends on Sunday 2026-12-13 at midnight China time.
        await CreateAsync(brandId, owner, "Sunday before", Cst(12, 6, 23, 30));
        await CreateAsync(brandId, owner, "Monday", Cst(12, 7, 0, 0));
        await CreateAsync(brandId, owner, "Sunday", Cst(12, 13, 23, 59));
        await CreateAsync(brandId, owner, "Next Monday", Cst(12, 14, 0, 0));

        var week = (await fixture.Streams.WeekAsync(owner, brandId, new DateOnly(2026, 12, 10))).ShouldNotBeNull();

        week.From.ShouldBe(new DateOnly(2026, 12, 7));
        week.To.ShouldBe(new DateOnly(2026, 12, 14));
        week.Streams.Select(s => s.Title).ShouldBe(["Monday", "Sunday"]);
    }

    [Fact]
    public async Task Calendar_ForStaff_IsReadOnly_AndForAnOutsider_IsNull()
    {
        var (brandId, owner) = await fixture.NewBrandAsync("cal-staff");
        await CreateAsync(brandId, owner, "Staff can see this", Cst(12, 3, 20));

        var staffView = (await fixture.Streams.MonthAsync(fixture.Staff, brandId, 2026, 12)).ShouldNotBeNull();

        staffView.Streams.Select(s => s.Title).ShouldBe(["Staff can see this"]);
        staffView.CanEdit.ShouldBeFalse();
        (await fixture.Streams.MonthAsync(fixture.Outsider, brandId, 2026, 12)).ShouldBeNull();
    }

    [Fact]
    public void PlatformTime_Week_StartsOnMonday()
    {
        PlatformTime.Week(new DateOnly(2026, 12, 13)).ShouldBe((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 14)));
        PlatformTime.Week(new DateOnly(2026, 12, 7)).ShouldBe((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 14)));
    }
}
