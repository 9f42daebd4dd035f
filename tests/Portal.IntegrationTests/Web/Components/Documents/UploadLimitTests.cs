using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Documents;
using Portal.IntegrationTests.Core.Features.Documents;
using Portal.Web.Components.Pages.Documents;

namespace Portal.IntegrationTests.Web.Components.Documents;

/// <summary>The upload form refuses a file over the limit before reading it, and says the limit in MB.</summary>
public sealed class UploadLimitTests : PortalTestContext, IClassFixture<DocumentsAppFixture>
{
    private readonly DocumentsAppFixture _fixture;

    public UploadLimitTests(DocumentsAppFixture fixture)
    {
        _fixture = fixture;
        fixture.AddDocumentServices(Services);
        Services.AddSingleton(fixture.App.Services.GetRequiredService<IOptions<DocumentOptions>>());
    }

    [Theory]
    [InlineData("en", "The file is larger than the limit of 0.004 MB; nothing was stored.")]
    [InlineData("zh-CN", "文件超过 0.004 MB 的大小上限；未保存任何内容。")]
    public async Task Upload_FileOverTheLimit_IsRefusedNamingTheLimitInMegabytes(string culture, string expected)
    {
        var (code, owner, _) = await _fixture.NewBrandAsync();
        var checklist = (await _fixture.Checklist.ChecklistAsync(owner, code))!;
        var auth = AddAuthorization();
        auth.SetAuthorized(code);
        auth.SetRoles(PortalRoles.BrandManager);
        auth.SetClaims(owner.FindFirst(ClaimTypes.NameIdentifier)!);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var form = Render<DocumentUploadForm>(p => p
                .Add(f => f.BrandCode, code)
                .Add(f => f.Requirements, checklist.Requirements)
                .Add(f => f.Categories, checklist.Categories));

            // The test app allows 4,096 bytes; this "PDF" is 10,000.
            form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([.. TestFiles.Pdf(), .. new byte[10_000]], "big.pdf", contentType: "application/pdf"));
            form.Find("[data-testid='upload-submit']").Click();

            form.WaitForAssertion(() => form.Markup.ShouldContain(expected));
            form.FindAll("[data-testid='upload-done']").ShouldBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
        }
    }
}
