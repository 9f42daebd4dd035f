using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Accounts;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Auth;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>Signing out ends the sign-in on the server: a copy of the cookie kept from before no longer works.</summary>
public sealed class SignOutSessionTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Jobs:RunServer"] = "false" };

    /// <summary>The sign-in cookie's value from the sign-in response.</summary>
    private static string AuthCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A request with only <paramref name="cookie"/>, as a replaying attacker sends it.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(PortalAppFactory app, string cookie, string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task SignInCookie_ReplayedAfterSignOut_IsRefused()
    {
        await using var app = new PortalAppFactory(settings: Settings);
        using var browser = new BrowserClient(app);
        var cookie = AuthCookie(await browser.SignInAsync("brand@demo.test"));
        (await ReplayAsync(app, cookie, "/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while signed in");

        (await ReturnUrlTests.SignOutAsync(browser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ReplayAsync(app, cookie, "/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await ReplayAsync(app, cookie, "/brands/demo-tea");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
        (await app.WithDbAsync(db => db.SignInSessions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task SignInCookie_RefreshedByTheStampCheck_IsStillEndedBySignOut()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Auth:RevalidationInterval"] = "00:00:01" });
        using var browser = new BrowserClient(app);
        var cookie = AuthCookie(await browser.SignInAsync("brand@demo.test"));
        app.Clock.MoveTo(app.Clock.GetUtcNow().AddSeconds(2));
        // Past the interval: the stamp is checked again and the sign-in refreshed and renewed in place.
        (await browser.Http.GetAsync("/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await app.WithDbAsync(db => db.SignInSessions.SingleAsync());

        await ReturnUrlTests.SignOutAsync(browser);

        (await ReplayAsync(app, cookie, "/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithDbAsync(db => db.SignInSessions.AnyAsync(s => s.KeyHash == stored.KeyHash))).ShouldBeFalse();
    }

    [Fact]
    public async Task SignedInRequests_WithinTheStampInterval_DoNotBuildTheStampValidator_AndAChangedStampIsRefusedAfterIt()
    {
        var built = 0;
        await using var app = new PortalAppFactory(settings: Settings)
        {
            TestServices = services => services.AddScoped<ISecurityStampValidator>(provider =>
            {
                Interlocked.Increment(ref built);
                return ActivatorUtilities.CreateInstance<SecurityStampValidator<PortalUser>>(provider);
            }),
        };
        using var browser = new BrowserClient(app);
        using var elsewhere = new BrowserClient(app);
        await browser.SignInAsync("brand@demo.test");
        await elsewhere.SignInAsync("brand@demo.test");

        for (var i = 0; i < 3; i++)
        {
            (await browser.Http.GetAsync("/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        built.ShouldBe(0, "within the interval nothing is due, so the validator (and its sign-in manager) is not built");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("brand@demo.test"))!);
        }

        app.Clock.MoveTo(app.Clock.GetUtcNow() + app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval + TimeSpan.FromSeconds(1));

        (await elsewhere.Http.GetAsync("/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "past the interval the changed stamp ends the sign-in");
        built.ShouldBe(1);
    }

    [Fact]
    public async Task SignInCookie_IssuedBeforeARestart_StillWorksAfterIt()
    {
        using var directory = new TempDirectory();
        string cookie;
        await using (var before = new PortalAppFactory(directory, settings: Settings))
        {
            using var browser = new BrowserClient(before);
            cookie = AuthCookie(await browser.SignInAsync("brand@demo.test"));
        }

        await using var after = new PortalAppFactory(directory, settings: Settings);

        (await ReplayAsync(after, cookie, "/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInCookie_CarriesOnlyAKey_NotTheClaims()
    {
        await using var app = new PortalAppFactory(settings: Settings);
        using var browser = new BrowserClient(app);

        var cookie = AuthCookie(await browser.SignInAsync("brand@demo.test"));

        // A ticket with the name, roles and security stamp is well over a kilobyte once protected; a key is not.
        cookie.Length.ShouldBeLessThan(600);
        (await app.WithDbAsync(db => db.SignInSessions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task OpenPage_OfASignedOutSession_LosesAccessAtTheNextRevalidation()
    {
        await using var app = new PortalAppFactory(settings: Settings);
        var store = app.Services.GetRequiredService<DatabaseTicketStore>();
        var ticket = new AuthenticationTicket(await app.PrincipalAsync("brand@demo.test"), new AuthenticationProperties { ExpiresUtc = app.Clock.GetUtcNow().AddHours(1) }, IdentityConstants.ApplicationScheme);
        var key = await store.StoreAsync(ticket);
        // The principal an open page holds is the stored ticket's, as the cookie handler gave it to the circuit.
        var circuitUser = (await store.RetrieveAsync(key))!.Principal;
        (await store.IsActiveAsync(circuitUser)).ShouldBeTrue();

        await store.RemoveAsync(key); // signed out in another tab

        (await store.IsActiveAsync(circuitUser)).ShouldBeFalse();
        (await store.RetrieveAsync(key)).ShouldBeNull();
    }

    [Fact]
    public async Task ExpiredSessions_AreNotAccepted_AndAreDeletedAtTheNextSignIn()
    {
        await using var app = new PortalAppFactory(settings: Settings);
        var store = app.Services.GetRequiredService<DatabaseTicketStore>();
        var principal = await app.PrincipalAsync("brand@demo.test");
        var key = await store.StoreAsync(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = app.Clock.GetUtcNow().AddMinutes(5) }, IdentityConstants.ApplicationScheme));

        app.Clock.MoveTo(app.Clock.GetUtcNow().AddMinutes(6));
        (await store.RetrieveAsync(key)).ShouldBeNull();
        await store.StoreAsync(new AuthenticationTicket(await app.PrincipalAsync("ska@demo.test"), new AuthenticationProperties { ExpiresUtc = app.Clock.GetUtcNow().AddHours(1) }, IdentityConstants.ApplicationScheme));

        (await app.WithDbAsync(db => db.SignInSessions.CountAsync())).ShouldBe(1);
    }
}
