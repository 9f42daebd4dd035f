using Bunit;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Home;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Streams;
using Portal.Core.Localization;
using Portal.Web.Components.Pages.Brand;

namespace Portal.UnitTests.Web.Components.BrandHome;

/// <summary>The brand manager's to-do list and KPI cards as they render, in both languages.</summary>
public sealed class BrandToDoListTests : PortalTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 16);
    private static readonly Guid StreamId = Guid.Parse("0190a4c2-0000-7000-8000-000000000001");

    private static BrandToDo Full() => new(
        new BrandSummary(Guid.NewGuid(), "demo-tea", "云茶", "Cloud Tea", BrandMemberRole.Owner),
        ApplicationStatus.UnderReview,
        new ToDoDecision(ApplicationStatus.UnderReview, Today.AddDays(2), 2, Overdue: false),
        new NextStep(StepsArea.Traffic, new JourneyTaskView(Guid.NewGuid(), "t-campaign", StepsArea.Traffic, 10, "报名平台活动", "Join a platform campaign", "", "", BrandTaskStatus.NotStarted, null, null, null, null, null)),
        new ToDoStream(StreamId, "Fans' night", new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero), StreamStatus.Draft, 3, 5),
        [new ToDoDocument(Guid.NewGuid(), DocumentType.FoodBusinessLicence, "JY123", Today.AddDays(5), 5)],
        30,
        new ToDoMessages(2, DateTimeOffset.UnixEpoch, "Please upload the licence"),
        Today,
        [
            new KpiTrend("Gmv", 1_234_567m, 1_000_000m, IsMoney: true),
            new KpiTrend("PaidOrders", 900m, 1_000m, IsMoney: false),
            new KpiTrend("NewFans", 50m, null, IsMoney: false),
            new KpiTrend("Streams", null, null, IsMoney: false),
        ]);

    private string Text(IRenderedComponent<BrandToDoList> list, string testId) =>
        list.Find($"[data-testid='{testId}']").TextContent;

    private string Href(IRenderedComponent<BrandToDoList> list, string testId) =>
        list.Find($"[data-testid='{testId}'] a").GetAttribute("href")!;

    [Fact]
    public void ToDoList_InEnglish_ShowsEachItemWithTheLinkThatStartsIt()
    {
        var list = Render<BrandToDoList>(p => p.Add(x => x.ToDo, Full()));

        Text(list, "todo-decision").ShouldContain("Application status: Under review. The SKA centre decides by 2026-11-18 (2 days left).");
        Text(list, "todo-next-task").ShouldContain("Next STEPS task (Public traffic boost): Join a platform campaign");
        Text(list, "todo-next-stream").ShouldContain("Next stream: Fans' night on 2026-11-19 20:00");
        Text(list, "todo-next-stream").ShouldContain("3 of 5 plan sections ready");
        Text(list, "todo-expiring").ShouldContain("no. JY123 expires on 2026-11-21");
        Text(list, "todo-expiring").ShouldContain("5 days left");
        Text(list, "todo-messages").ShouldContain("2 message(s) from the SKA centre waiting for your answer");
        Href(list, "todo-decision").ShouldBe("/brands/demo-tea/application");
        Href(list, "todo-next-task").ShouldBe("/brands/demo-tea/journey");
        Href(list, "todo-next-stream").ShouldBe($"/brands/demo-tea/streams/{StreamId}");
        Href(list, "todo-expiring").ShouldBe("/brands/demo-tea/documents");
        Href(list, "todo-messages").ShouldBe("/brands/demo-tea/messages");
        list.Markup.ShouldNotContain("Nothing needs your attention");
    }

    [Fact]
    public void KpiCards_InEnglish_ShowCompactFiguresAndTheChangeAgainstLastMonth()
    {
        var list = Render<BrandToDoList>(p => p.Add(x => x.ToDo, Full()));

        Text(list, "kpi-Gmv").ShouldContain("¥1.2M");
        Text(list, "kpi-Gmv").ShouldContain("+23.5% vs the same days last month");
        Text(list, "kpi-PaidOrders").ShouldContain("−10% vs the same days last month");
        Text(list, "kpi-NewFans").ShouldContain("No figures for last month");
        Text(list, "kpi-Streams").ShouldContain("—");
        Text(list, "kpi-Streams").ShouldContain("No figures yet");
    }

    [Theory]
    [InlineData("h3")] // under the brand's own h2, on the brand home that lists several brands
    [InlineData("h2")] // right under the page's h1, on one brand's page
    public void Headings_AreOneBelowWhatIsAbove_AndTheFiguresTitleIsTheBrands(string level)
    {
        var list = Render<BrandToDoList>(p => p.Add(x => x.ToDo, Full()).Add(x => x.HeadingTag, level));

        list.Find("[data-testid='brand-todo']").QuerySelector(level).ShouldNotBeNull().TextContent.ShouldBe("What to do next");
        var figures = list.Find("[data-testid='brand-kpis']");
        figures.QuerySelector(level).ShouldNotBeNull().Id.ShouldBe($"kpi-title-{Full().Brand.Code}");
        figures.GetAttribute("aria-labelledby").ShouldBe($"kpi-title-{Full().Brand.Code}");
    }

    [Fact]
    public void ToDoList_InChinese_SpeaksChineseAndCountsMoneyInWan()
    {
        UseCulture(PortalCultures.Chinese);

        var list = Render<BrandToDoList>(p => p.Add(x => x.ToDo, Full()));

        Text(list, "todo-decision").ShouldContain("申请状态：审核中。SKA 中心将于 2026-11-18 前给出结果（还剩 2 天）。");
        Text(list, "todo-next-task").ShouldContain("报名平台活动");
        Text(list, "todo-next-stream").ShouldContain("直播计划 5 项中已完成 3 项");
        Text(list, "todo-messages").ShouldContain("SKA 中心有 2 条留言等待您回复");
        Text(list, "kpi-Gmv").ShouldContain("¥123.5万");
        Text(list, "kpi-Gmv").ShouldContain("较上月同期 +23.5%");
        list.Markup.ShouldNotContain("What to do next");
    }

    [Fact]
    public void ToDoList_OverdueDecisionAndExpiredDocument_SaySo()
    {
        var toDo = Full() with
        {
            Decision = new ToDoDecision(ApplicationStatus.Submitted, Today.AddDays(-1), -1, Overdue: true),
            ExpiringDocuments = [new ToDoDocument(Guid.NewGuid(), DocumentType.TrademarkCertificate, null, Today, 0)],
        };

        var list = Render<BrandToDoList>(p => p.Add(x => x.ToDo, toDo));

        Text(list, "todo-decision").ShouldContain("The decision was due on 2026-11-15 and is late.");
        Text(list, "todo-expiring").ShouldContain("expired");
    }

    [Fact]
    public void ToDoList_ApprovedBrandWithoutAStream_OffersToPlanOne()
    {
        var toDo = Full() with { ApplicationStatus = ApplicationStatus.Approved, Decision = null, NextStream = null };

        var list = Render<BrandToDoList>(p => p.Add(x => x.ToDo, toDo));

        Text(list, "todo-next-stream").ShouldContain("No stream planned.");
        Href(list, "todo-next-stream").ShouldBe("/brands/demo-tea/streams/new");
    }
}
