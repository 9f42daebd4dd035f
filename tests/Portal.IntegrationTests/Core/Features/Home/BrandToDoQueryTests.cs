using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Home;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Home;

/// <summary>The brand manager's to-do list, on the real app and database. The clock stands at <see cref="TestClock.Start"/> (2026-11-16 in China).</summary>
public sealed class BrandToDoQueryTests(StreamsApp fixture) : IClassFixture<StreamsApp>
{
    private BrandToDoQuery Query => fixture.App.Services.GetRequiredService<BrandToDoQuery>();

    private DateOnly Today => PlatformTime.DayOf(fixture.App.Clock.GetUtcNow());

    private async Task<(Guid Id, string Code, System.Security.Claims.ClaimsPrincipal Owner)> NewBrandAsync()
    {
        var code = $"todo-{Guid.NewGuid():N}"[..20];
        var (id, owner) = await fixture.NewBrandAsync(code);
        return (id, code, owner);
    }

    [Fact]
    public async Task Get_ForSomeoneOutsideTheBrand_IsNullAsForAnUnknownBrand()
    {
        (await Query.GetAsync(fixture.Outsider, DemoData.BrandCode)).ShouldBeNull();
        (await Query.GetAsync(fixture.Owner, "no-such-brand")).ShouldBeNull();
    }

    [Fact]
    public async Task Get_ForStaffAndForTheOwner_ReturnsTheBrandsList()
    {
        (await Query.GetAsync(fixture.Staff, DemoData.BrandCode))!.Brand.Code.ShouldBe(DemoData.BrandCode);
        (await Query.GetAsync(fixture.Owner, DemoData.BrandCode))!.ApplicationStatus.ShouldBe(ApplicationStatus.Approved);
    }

    [Fact]
    public async Task Get_ForStaffAndForTheOwner_CarriesTheJourneyBoardTheyWouldGet()
    {
        var journey = fixture.App.Services.GetRequiredService<Portal.Core.Features.Journey.JourneyService>();
        foreach (var user in new[] { fixture.Owner, fixture.Staff })
        {
            var board = (await Query.GetAsync(user, DemoData.BrandCode))!.Journey!;
            var expected = (await journey.GetBoardAsync(user, DemoData.BrandCode))!;

            board.Brand.ShouldBe(expected.Brand);
            board.CanChange.ShouldBe(expected.CanChange);
            (board.Done, board.Total, board.Next?.Task.Code).ShouldBe((expected.Done, expected.Total, expected.Next?.Task.Code));
            board.Areas.Select(a => (a.Area, a.Done, a.Total)).ShouldBe(expected.Areas.Select(a => (a.Area, a.Done, a.Total)));
        }
    }

    [Fact]
    public async Task Get_NewBrand_AsksForTheApplicationAndTheFirstTask_WithUnknownFigures()
    {
        var (_, code, owner) = await NewBrandAsync();

        var toDo = (await Query.GetAsync(owner, code))!;

        toDo.ApplicationStatus.ShouldBe(ApplicationStatus.Draft);
        toDo.HasWork.ShouldBeTrue();
        toDo.Decision.ShouldBeNull();
        toDo.NextTask.ShouldNotBeNull();
        toDo.NextStream.ShouldBeNull();
        toDo.ExpiringDocuments.ShouldBeEmpty();
        toDo.WaitingMessages.ShouldBeNull();
        toDo.Kpis.Select(k => k.Key).ShouldBe(BrandToDoQuery.KpiKeys);
        toDo.Kpis.ShouldAllBe(k => k.Current == null && k.Previous == null);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(0, false)]
    [InlineData(-2, true)]
    public async Task Get_SubmittedApplication_SaysWhenTheDecisionIsDue(int daysLeft, bool overdue)
    {
        var (id, code, owner) = await NewBrandAsync();
        await fixture.App.WithDbAsync(async db =>
        {
            var brand = await db.Brands.SingleAsync(b => b.Id == id);
            brand.Status = ApplicationStatus.Submitted;
            brand.DecisionDueOn = Today.AddDays(daysLeft);
            return await db.SaveChangesAsync();
        });

        var decision = (await Query.GetAsync(owner, code))!.Decision!;

        decision.Status.ShouldBe(ApplicationStatus.Submitted);
        decision.DueOn.ShouldBe(Today.AddDays(daysLeft));
        decision.DaysLeft.ShouldBe(daysLeft);
        decision.Overdue.ShouldBe(overdue);
    }

    [Fact]
    public async Task Get_NextStream_IsTheEarliestUpcomingPlanWithItsReadiness()
    {
        var (id, code, owner) = await NewBrandAsync();
        var now = fixture.App.Clock.GetUtcNow();
        (await fixture.Streams.CreateAsync(owner, id, StreamsApp.CompletePlan(now.AddDays(9), "Later, complete"))).Succeeded.ShouldBeTrue();
        (await fixture.Streams.CreateAsync(owner, id, StreamsApp.EmptyPlan(now.AddDays(2), "Sooner, empty"))).Succeeded.ShouldBeTrue();
        (await fixture.Streams.CreateAsync(owner, id, StreamsApp.CompletePlan(now.AddDays(-1), "Yesterday"))).Succeeded.ShouldBeTrue();

        var stream = (await Query.GetAsync(owner, code))!.NextStream!;

        stream.Title.ShouldBe("Sooner, empty");
        stream.SectionsComplete.ShouldBe(0);
        stream.SectionsTotal.ShouldBe(5);
        stream.IsReady.ShouldBeFalse();
    }

    [Fact]
    public async Task Get_ExpiringDocuments_AreTheNewestApprovedOrExpiredVersionsWithinTheWindow_WithDaysLeft()
    {
        var (id, code, owner) = await NewBrandAsync();
        await fixture.App.WithDbAsync(async db =>
        {
            var rules = await db.RequirementRules.OrderBy(r => r.Code).Take(4).Select(r => r.Id).ToListAsync();
            db.Documents.AddRange(
                Approved(id, rules[0], 1, Today.AddDays(5), "OLD-1"),
                // Replaced by version 2, which runs for a year: nothing to do for this rule.
                Approved(id, rules[1], 1, Today.AddDays(3), "REPLACED"),
                Approved(id, rules[1], 2, Today.AddDays(365), "RENEWED"),
                // Outside the 30-day window.
                Approved(id, rules[2], 1, Today.AddDays(31), "FAR"),
                // Expired by the nightly job two days ago: the most pressing of all, so it stays on the list.
                Expired(id, rules[3], 1, Today.AddDays(-2), "GONE"));
            return await db.SaveChangesAsync();
        });

        var toDo = (await Query.GetAsync(owner, code))!;

        toDo.ExpiryWindowDays.ShouldBe(30);
        toDo.ExpiringDocuments.Select(d => (d.CertificateNumber, d.DaysLeft)).ShouldBe([("GONE", -2), ("OLD-1", 5)]);
    }

    [Fact]
    public async Task Get_StaffMessagesAfterTheBrandsLastAnswer_AreWaiting_InternalNotesAreNot()
    {
        var (id, code, owner) = await NewBrandAsync();
        var now = fixture.App.Clock.GetUtcNow();
        var brandAuthor = Portal.Core.Features.Brands.BrandDirectory.UserId(owner)!.Value;
        var staffAuthor = Portal.Core.Features.Brands.BrandDirectory.UserId(fixture.Staff)!.Value;
        await fixture.App.WithDbAsync(async db =>
        {
            db.BrandComments.AddRange(
                Comment(id, staffAuthor, byStaff: true, now.AddHours(-5), "Answered already"),
                Comment(id, brandAuthor, byStaff: false, now.AddHours(-4), "Our answer"),
                Comment(id, staffAuthor, byStaff: true, now.AddHours(-3), "Please upload the licence"),
                Comment(id, staffAuthor, byStaff: true, now.AddHours(-2), "And the trademark page", isInternal: true),
                Comment(id, staffAuthor, byStaff: true, now.AddHours(-1), "Any news?"));
            return await db.SaveChangesAsync();
        });

        var messages = (await Query.GetAsync(owner, code))!.WaitingMessages!;

        messages.Count.ShouldBe(2);
        messages.LatestBody.ShouldBe("Any news?");
    }

    [Fact]
    public async Task Get_Kpis_CompareThisMonthUpToItsLastKnownDayWithTheSameDaysOfLastMonth()
    {
        var (id, code, owner) = await NewBrandAsync();
        Today.ShouldBe(new DateOnly(2026, 11, 16));
        await fixture.App.WithDbAsync(async db =>
        {
            db.DailyMetrics.AddRange(
                new DailyMetric { BrandId = id, Date = new(2026, 11, 1), Gmv = 150m, PaidOrders = 3 },
                new DailyMetric { BrandId = id, Date = new(2026, 11, 15), Gmv = 50m },
                new DailyMetric { BrandId = id, Date = new(2026, 10, 15), Gmv = 100m, PaidOrders = 4 },
                // This month's figures end on the 15th (today's are not delivered yet), so the 16th of last month is
                // not compared: counting it would show a fall every day before the day's figures arrive.
                new DailyMetric { BrandId = id, Date = new(2026, 10, 16), Gmv = 9_999m },
                new DailyMetric { BrandId = id, Date = new(2026, 9, 30), Gmv = 9_999m });
            return await db.SaveChangesAsync();
        });

        var kpis = (await Query.GetAsync(owner, code))!.Kpis.ToDictionary(k => k.Key);

        (kpis["Gmv"].Current, kpis["Gmv"].Previous, kpis["Gmv"].IsMoney).ShouldBe((200m, 100m, true));
        (kpis["PaidOrders"].Current, kpis["PaidOrders"].Previous).ShouldBe((3m, 4m));
        (kpis["NewFans"].Current, kpis["NewFans"].Previous).ShouldBe((null, null));
    }

    private static Document Approved(Guid brandId, Guid ruleId, int version, DateOnly expiresOn, string number) => new()
    {
        BrandId = brandId,
        RuleId = ruleId,
        Version = version,
        Status = DocumentStatus.Approved,
        FileHash = Guid.NewGuid().ToString("N"),
        ContentType = "application/pdf",
        DisplayName = $"{number}.pdf",
        CertificateNumber = number,
        ExpiresOn = expiresOn,
    };

    private static Document Expired(Guid brandId, Guid ruleId, int version, DateOnly expiresOn, string number)
    {
        var document = Approved(brandId, ruleId, version, expiresOn, number);
        document.Status = DocumentStatus.Expired;
        return document;
    }

    private static BrandComment Comment(Guid brandId, Guid authorId, bool byStaff, DateTimeOffset at, string body, bool isInternal = false) => new()
    {
        BrandId = brandId,
        AuthorUserId = authorId,
        ByStaff = byStaff,
        IsInternal = isInternal,
        Body = body,
        CreatedAt = at,
    };
}
