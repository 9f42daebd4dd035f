using Bunit;
using Portal.Core.Features.Operations;
using Portal.Core.Localization;
using Portal.Web.Components.Pages.Operations.Brand360;

namespace Portal.UnitTests.Web.Components.Operations;

public sealed class BrandTimelineListTests : PortalTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly TimelineEntry[] Entries =
    [
        new(T0.AddDays(5), TimelineKind.Tier, "Override", "Ka", Detail: "Offline sales confirmed", Actor: "Zhao Min"),
        new(T0.AddDays(4), TimelineKind.TrustCard, "Changed", Detail: "SevenDayReturns, FastShipping", Actor: "Lin Yun"),
        new(T0.AddDays(3), TimelineKind.DocumentNotice, "ExpiryWarning", "TrademarkCertificate", Detail: "30"),
        new(T0.AddDays(2), TimelineKind.Document, "Approve", "TrademarkCertificate", Actor: "Zhao Min"),
        new(T0.AddDays(1), TimelineKind.Milestone, "Achieved", "10,000 fans", "粉丝达 1 万", Detail: "2026-11-02"),
        new(T0, TimelineKind.Application, "Approve", Detail: "Welcome", Actor: "Zhao Min"),
    ];

    [Fact]
    public void Timeline_ShowsEachEntryInOrderInWords()
    {
        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, Entries));

        var items = list.FindAll("[data-testid=timeline-entry]");
        items.Select(i => i.GetAttribute("data-kind")).ShouldBe(["Tier", "TrustCard", "DocumentNotice", "Document", "Milestone", "Application"]);
        items[0].TextContent.ShouldContain("Tier KA (staff override)");
        items[0].TextContent.ShouldContain("2026-11-06 09:00 · by Zhao Min");
        items[0].TextContent.ShouldContain("Offline sales confirmed");
        items[1].TextContent.ShouldContain("Trust card commitments: Seven-day no-reason returns, Fast shipping");
        items[2].TextContent.ShouldContain("Notice to the brand about Trademark registration certificate: expires in 30 days");
        items[3].TextContent.ShouldContain("Trademark registration certificate: Approve");
        items[4].TextContent.ShouldContain("Milestone reached: 10,000 fans");
        items[5].TextContent.ShouldContain("Application: Approve");
        items[5].TextContent.ShouldContain("Welcome");
    }

    [Fact]
    public void Timeline_InChinese_UsesChineseTitles()
    {
        UseCulture(PortalCultures.Chinese);

        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, Entries));

        list.FindAll("[data-testid=timeline-entry]")[4].TextContent.ShouldContain("达成里程碑：粉丝达 1 万");
    }

    private static readonly TimelineEntry[] WithAudit =
    [
        new(T0.AddDays(8), TimelineKind.Audit, "Modified", "Brand", Detail: "ContactPhone, CompanyName", Actor: "Lin Yun"),
        new(T0.AddDays(7), TimelineKind.Audit, "Added", "StreamPlan", Actor: "Lin Yun"),
        new(T0.AddDays(6), TimelineKind.Audit, "Modified", "SupplierContract", Detail: "Terms, AuthorizationChain"),
        .. Entries,
    ];

    [Fact]
    public void AuditEntries_SayWhatChangedInWords_AndNameAnUnknownRecordTypeByItsCode()
    {
        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, WithAudit));

        var items = list.FindAll("[data-testid=timeline-entry]");
        items.Take(3).Select(i => i.GetAttribute("data-kind")).ShouldBe(["Audit", "Audit", "Audit"]);
        items[0].TextContent.ShouldContain("Brand profile changed");
        items[0].TextContent.ShouldContain("Changed: contact phone, company name");
        items[0].TextContent.ShouldContain("2026-11-09 09:00 · by Lin Yun");
        items[1].TextContent.ShouldContain("Stream plan added");
        items[1].TextContent.ShouldNotContain("Changed:");
        items[2].TextContent.ShouldContain("Record (SupplierContract) changed");
        items[2].TextContent.ShouldContain("Changed: Terms, authorisation chain");
    }

    [Fact]
    public void AuditEntries_InChinese_AreInChinese()
    {
        UseCulture(PortalCultures.Chinese);

        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, WithAudit));

        var items = list.FindAll("[data-testid=timeline-entry]");
        items[0].TextContent.ShouldContain("修改品牌资料");
        items[0].TextContent.ShouldContain("变更内容：联系电话、公司名称");
        items[0].TextContent.ShouldContain("由 Lin Yun");
        items[1].TextContent.ShouldContain("新增直播计划");
        items[2].TextContent.ShouldContain("修改记录（SupplierContract）");
        items[2].TextContent.ShouldContain("变更内容：Terms、授权链");
        list.Find("[data-testid=timeline-filter-audit]").TextContent.ShouldContain("审计记录");
    }

    [Fact]
    public void Filter_ShowsTheAuditTrailOrTheDomainHistoriesOrEverything()
    {
        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, WithAudit));
        list.FindAll("[data-testid=timeline-entry]").Count.ShouldBe(WithAudit.Length);

        list.Find("[data-testid=timeline-filter-audit]").Click();
        list.WaitForAssertion(() => list.FindAll("[data-testid=timeline-entry]").Select(i => i.GetAttribute("data-kind")).ShouldBe(["Audit", "Audit", "Audit"]));

        list.Find("[data-testid=timeline-filter-histories]").Click();
        list.WaitForAssertion(() => list.FindAll("[data-testid=timeline-entry]").Select(i => i.GetAttribute("data-kind"))
            .ShouldBe(["Tier", "TrustCard", "DocumentNotice", "Document", "Milestone", "Application"]));

        list.Find("[data-testid=timeline-filter-all]").Click();
        list.WaitForAssertion(() => list.FindAll("[data-testid=timeline-entry]").Count.ShouldBe(WithAudit.Length));
    }

    [Fact]
    public void Filter_WithNothingOfTheChosenKind_SaysSo()
    {
        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, Entries));

        list.Find("[data-testid=timeline-filter-audit]").Click();

        list.WaitForAssertion(() => list.Find("[data-testid=timeline-filter-empty]").TextContent.ShouldBe("Nothing of this kind has happened yet."));
        list.FindAll("[data-testid=timeline-entry]").ShouldBeEmpty();
    }

    [Fact]
    public void Timeline_WithoutEntries_SaysSo()
    {
        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, []));

        list.Find("[data-testid=timeline-empty]").TextContent.ShouldBe("Nothing has happened yet.");
    }
}
