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

    [Fact]
    public void Timeline_WithoutEntries_SaysSo()
    {
        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, []));

        list.Find("[data-testid=timeline-empty]").TextContent.ShouldBe("Nothing has happened yet.");
    }
}
