using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Audit;
using Portal.Web.Components.Pages.Admin;

namespace Portal.IntegrationTests.Web.Components.Admin;

/// <summary>The audit chain's check on /admin/audit, against the real service and database.</summary>
public sealed class AuditChainCheckTests : PortalTestContext, IClassFixture<AdminAppFixture>
{
    private readonly AdminAppFixture _fixture;

    public AuditChainCheckTests(AdminAppFixture fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<AuditChainVerification>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<AuditWords>());
    }

    [Fact]
    public async Task Verify_OnAnIntactChain_SaysSoWithTheNumberOfEntries()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@demo.test");
        auth.SetRoles(PortalRoles.Admin);
        auth.SetClaims(await _fixture.ClaimsOfAsync("admin@demo.test"));
        var count = await _fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync());
        var check = Render<AuditChainCheck>();

        check.Find("[data-testid='audit-chain-verify']").Click();

        check.WaitForAssertion(() => check.Find("[data-testid='audit-chain-result']").TextContent
            .ShouldContain($"The chain is intact: all {count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en"))} entries match their hashes."));
    }

    [Fact]
    public async Task Verify_WhileItRuns_SaysItIsAtWork_AndCannotBeStartedAgain()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@demo.test");
        auth.SetRoles(PortalRoles.Admin);
        auth.SetClaims(await _fixture.ClaimsOfAsync("admin@demo.test"));
        var adminId = await _fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@demo.test").Select(u => u.Id).SingleAsync());
        var check = Render<AuditChainCheck>();

        // The check first makes sure the admin still is one: held there, it is under way.
        using (var held = _fixture.Reads.Hold(adminId))
        {
            check.Find("[data-testid='audit-chain-verify']").Click();
            await held.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            check.WaitForAssertion(() => check.Find("[data-testid='audit-chain-checking']").TextContent.ShouldBe("Checking every entry of the audit trail…"));
            check.Find("[data-testid='audit-chain-verify']").HasAttribute("disabled").ShouldBeTrue();
        }

        check.WaitForAssertion(() => check.Find("[data-testid='audit-chain-result']").TextContent.ShouldContain("The chain is intact"));
        check.FindAll("[data-testid='audit-chain-checking']").ShouldBeEmpty();
    }
}
