using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Documents;
using Portal.Web.Components.Pages.Documents;
using Portal.Web.Infrastructure;

namespace Portal.IntegrationTests.Web.Components.Documents;

/// <summary>The checklist says when each document expires and how many days are left, and offers to replace it.</summary>
public sealed class DocumentExpiryDisplayTests : PortalTestContext, IClassFixture<DocumentsAppFixture>
{
    private readonly DocumentsAppFixture _fixture;

    public DocumentExpiryDisplayTests(DocumentsAppFixture fixture)
    {
        _fixture = fixture;
        fixture.App.Clock.Reset();
        fixture.AddDocumentServices(Services);
        Services.AddSingleton(fixture.App.Services.GetRequiredService<IOptions<DocumentOptions>>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<IOptionsMonitor<DocumentOptions>>());
        Services.AddSingleton<TimeProvider>(fixture.App.Clock);
    }

    private async Task<IRenderedComponent<DocumentChecklist>> ApprovedTrademarkChecklistAsync(int daysBeforeExpiry, string number)
    {
        var (code, owner, brandId) = await _fixture.NewBrandAsync("Acme Ltd", null, "food");
        var request = DocumentsAppFixture.Trademark(number);
        var id = await _fixture.UploadCheckedAsync(code, owner, request);
        (await _fixture.Review.DecideAsync(await _fixture.StaffAsync(), id, DocumentAction.Approve)).Succeeded.ShouldBeTrue();
        _fixture.App.Clock.MoveTo(Days.NoonOf(request.ExpiresOn!.Value.AddDays(-daysBeforeExpiry)));
        var auth = AddAuthorization();
        auth.SetAuthorized(code);
        auth.SetRoles(PortalRoles.BrandManager);
        auth.SetClaims(owner.FindFirst(ClaimTypes.NameIdentifier)!);
        var checklist = Render<DocumentChecklist>(p => p.Add(x => x.Brand, new BrandSummary(brandId, code, "测试茶", "Test Tea", BrandMemberRole.Owner)));
        checklist.WaitForAssertion(() => checklist.FindAll("[data-testid='expiry-brand-trademark']").ShouldNotBeEmpty());
        return checklist;
    }

    [Fact]
    public async Task Checklist_ApprovedDocument_ShowsItsExpiryAndDaysLeft_AndOffersToReplaceIt()
    {
        var checklist = await ApprovedTrademarkChecklistAsync(20, "TM-30-2020-EXPIRY1");

        checklist.Find("[data-testid='expiry-brand-trademark']").TextContent.Trim().ShouldBe("Expires on 2034-01-09 · 20 days left");
        var replace = checklist.Find("[data-testid='upload-brand-trademark']");
        replace.TextContent.Trim().ShouldBe("Replace");
        replace.GetAttribute("aria-label").ShouldBe("Replace: Trademark registration certificate");
        checklist.Find("[data-testid='upload-food-licence']").TextContent.Trim().ShouldBe("Upload");
    }

    [Fact]
    public async Task Checklist_InChinese_SaysTheDaysLeftInChinese()
    {
        UseCulture(PortalCultures.Chinese);

        var checklist = await ApprovedTrademarkChecklistAsync(3, "TM-30-2020-EXPIRY2");

        checklist.Find("[data-testid='expiry-brand-trademark']").TextContent.Trim().ShouldBe("2034-01-09 到期 · 还剩 3 天");
        checklist.Find("[data-testid='upload-brand-trademark']").TextContent.Trim().ShouldBe("更换");
    }

    [Fact]
    public async Task ProgressStream_ReportsTheBytesReadSoFar()
    {
        var reports = new List<long>();
        await using var stream = new ProgressStream(new MemoryStream(new byte[10_000]), reports.Add);

        await stream.CopyToAsync(Stream.Null, bufferSize: 4_096);

        // The last read (0 bytes, end of stream) reports the total again.
        reports.Distinct().ShouldBe([4_096, 8_192, 10_000]);
    }
}
