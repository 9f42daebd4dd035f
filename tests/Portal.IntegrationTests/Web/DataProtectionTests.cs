using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Core;
using Portal.Core.Features.Seeding;
using Portal.Jobs;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>
/// The data-protection key ring is in the database under one application name, so a sign-in survives a
/// restart and is readable by every host of the portal (web and jobs worker), whatever machine it runs on.
/// </summary>
public sealed class DataProtectionTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SignInCookie_IssuedBeforeARestart_StillSignsInAfterIt()
    {
        System.Net.CookieContainer cookies;
        await using (var before = new PortalAppFactory(_directory))
        {
            using var browser = new BrowserClient(before);
            (await browser.SignInAsync(DemoData.AdminEmail)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await browser.Http.GetAsync("/admin/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
            cookies = browser.Cookies;
        }

        await using var after = new PortalAppFactory(_directory);
        using var again = new BrowserClient(after, cookies);

        var page = await again.Http.GetAsync("/admin/audit");

        page.StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie from before the restart still signs the admin in");
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task SignInCookie_IssuedByTheWebHost_IsReadableByAWorkerHostElsewhereFromTheDatabaseKeys()
    {
        await using var web = new PortalAppFactory(_directory);
        using var browser = new BrowserClient(web);
        (await browser.SignInAsync(DemoData.AdminEmail)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = AuthCookie(browser.Cookies);
        (await web.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);

        // The worker host, as Portal.Jobs builds it: another content root (another machine's folder), same database.
        using var workerFolder = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = workerFolder.Path, EnvironmentName = "Development" });
        builder.AddSharedSettings();
        builder.Configuration["Database:SqlitePath"] = web.DatabasePath;
        builder.Configuration["Jobs:RunServer"] = "false";
        builder.AddPortalCore();
        builder.AddPortalJobs();
        using var worker = builder.Build();
        var protector = worker.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2");

        var ticket = new TicketDataFormat(protector).Unprotect(cookie);

        ticket.ShouldNotBeNull("the worker reads what the web host protected");
        ticket.AuthenticationScheme.ShouldBe(IdentityConstants.ApplicationScheme);
    }

    /// <summary>The sign-in cookie's protected value, joined again when it was split into chunks.</summary>
    private static string AuthCookie(System.Net.CookieContainer cookies)
    {
        var all = cookies.GetAllCookies().ToDictionary(c => c.Name, c => c.Value);
        var value = all["portal.auth"];
        if (!value.StartsWith("chunks-", StringComparison.Ordinal))
        {
            return value;
        }

        var count = int.Parse(value["chunks-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(Enumerable.Range(1, count).Select(i => all[$"portal.authC{i}"]));
    }
}
