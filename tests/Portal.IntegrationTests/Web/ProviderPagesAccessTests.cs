using System.Net;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>The provider pages over HTTP: staff pages for staff only, the people page and the invitation page.</summary>
public sealed class ProviderPagesAccessTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    private async Task<BrowserClient> SignedInAsync(string email, string password = TestBrands.Password)
    {
        var browser = new BrowserClient(fixture.App);
        (await browser.SignInAsync(email, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    [Theory]
    [InlineData("/ops/providers")]
    [InlineData("/ops/providers/farsail")]
    [InlineData("/ops/providers/register")]
    public async Task StaffPage_ForBrandManagersAndProviderPeople_Is403_ForStaff200(string path)
    {
        foreach (var email in new[] { DemoData.BrandManagerEmail, DemoData.ProviderManagerEmail })
        {
            using var browser = await SignedInAsync(email);
            (await browser.Http.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }

        using var staff = await SignedInAsync(DemoData.OperatorEmail);
        var ok = await staff.Http.GetAsync(path);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProvidersPage_WhenSignedOut_RedirectsToSignIn()
    {
        using var browser = new BrowserClient(fixture.App);

        var response = await browser.Http.GetAsync("/ops/providers");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task ProviderPage_OfAnUnknownCode_Is404()
    {
        using var staff = await SignedInAsync(DemoData.OperatorEmail);

        (await staff.Http.GetAsync("/ops/providers/no-such-provider")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProviderPage_ForStaff_ShowsTheProviderTheBrandItServesAndTheScorecardPlace()
    {
        using var staff = await SignedInAsync(DemoData.OperatorEmail);

        var html = await staff.Http.GetStringAsync("/ops/providers/farsail");

        html.ShouldContain(DemoData.ProviderNameEn);
        html.ShouldContain("data-testid=\"delegations-current\"");
        html.ShouldContain(DemoData.BrandNameEn);
        html.ShouldContain("data-testid=\"provider-scorecard\"");
    }

    [Fact]
    public async Task PeoplePage_ForTheManager_ListsThePeopleAndTheInvitationForm()
    {
        using var browser = await SignedInAsync(DemoData.ProviderManagerEmail);

        var html = await browser.Http.GetStringAsync("/provider/people");

        html.ShouldContain(DemoData.ProviderOperatorEmail);
        html.ShouldContain("data-testid=\"people-invite\"");
    }

    [Fact]
    public async Task PeoplePage_ForAnOperator_IsReadOnly()
    {
        using var browser = await SignedInAsync(DemoData.ProviderOperatorEmail);

        var html = await browser.Http.GetStringAsync("/provider/people");

        html.ShouldContain(DemoData.ProviderManagerEmail);
        html.ShouldContain("data-testid=\"people-readonly\"");
        html.ShouldNotContain("data-testid=\"people-invite\"");
        html.ShouldNotContain("data-testid=\"remove-member\"");
    }

    [Fact]
    public async Task InvitationPage_ForANewAddress_CreatesTheAccountSignsInAndOpensThePeoplePage()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var email = $"{ProvidersApp.Unique("page")}@example.com";
        var token = await fixture.InviteAsync(manager, email);
        using var browser = new BrowserClient(fixture.App);
        (await browser.Http.GetStringAsync($"/provider-invitations/{token}")).ShouldContain("Join a service provider");

        var response = await browser.SubmitFormAsync($"/provider-invitations/{token}", "invitation-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Via Page",
            ["Input.Password"] = "Secret!2026",
            ["Input.ConfirmPassword"] = "Secret!2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("/provider");
        (await browser.Http.GetStringAsync("/provider/people")).ShouldContain(email);
        (await browser.Http.GetStringAsync($"/provider-invitations/{token}")).ShouldContain("This invitation has already been used.");
    }

    [Fact]
    public async Task InvitationPage_SignedInAsTheInvitedPerson_JoinsWithTheProviderRoleAtOnce()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var colleague = await fixture.NewPersonAsync("signed-in");
        var token = await fixture.InviteAsync(manager, colleague);
        using var browser = await SignedInAsync(colleague);

        var response = await browser.SubmitFormAsync($"/provider-invitations/{token}", "accept-invitation", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("/provider");
        // The refreshed cookie carries the Provider role: the navigation shows the provider's links.
        (await browser.Http.GetStringAsync("/provider/people")).ShouldContain("href=\"/provider/people\"");
    }
}
