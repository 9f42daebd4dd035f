using System.Globalization;
using System.Net;
using System.Security.Claims;
using CsvHelper;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Audit;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Auth;
using Portal.Web.Components.Account;

namespace Portal.IntegrationTests.Web;

/// <summary>The admin pages over HTTP, and how a disabled person loses a cookie or an open page.</summary>
public sealed class AdminAccessTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Auth:RevalidationInterval"] = "00:00:01" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/clients")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit/export")]
    public async Task AdminPage_ForStaffAndBrandManagers_Is403_ForAdmins200(string path)
    {
        foreach (var email in new[] { "ska@demo.test", "brand@demo.test" })
        {
            using var browser = new BrowserClient(_app);
            await browser.SignInAsync(email);
            (await browser.Http.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }

        using var admin = new BrowserClient(_app);
        await admin.SignInAsync("admin@demo.test");
        var ok = await admin.Http.GetAsync(path);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminPage_WhenSignedOut_RedirectsToSignIn()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.Http.GetAsync("/admin/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Cookie_OfADisabledPerson_IsRefusedAfterTheRevalidationInterval()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("ska@demo.test");
        (await browser.Http.GetAsync("/ops")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var target = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "ska@demo.test"));
        (await _app.Services.GetRequiredService<UserAdministration>().DisableAsync(await _app.PrincipalAsync("admin@demo.test"), target.Id)).Succeeded.ShouldBeTrue();
        _app.Clock.MoveTo(_app.Clock.GetUtcNow().AddSeconds(2));

        var after = await browser.Http.GetAsync("/ops");

        after.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{(int)after.StatusCode} {after.Headers.Location}");
        after.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Cookie_OfAnEnabledPerson_SurvivesTheRevalidation()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("ska@demo.test");
        _app.Clock.MoveTo(_app.Clock.GetUtcNow().AddSeconds(2));

        (await browser.Http.GetAsync("/ops")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenPage_OfADisabledPerson_BecomesSignedOutAtTheNextRevalidation()
    {
        var principal = await _app.PrincipalAsync("ska@demo.test");
        await using var scope = _app.Services.CreateAsyncScope();
        using var provider = new IdentityRevalidatingAuthenticationStateProvider(
            _app.Services.GetRequiredService<ILoggerFactory>(),
            _app.Services.GetRequiredService<IServiceScopeFactory>(),
            _app.Services.GetRequiredService<IOptions<IdentityOptions>>(),
            _app.Services.GetRequiredService<IOptions<AuthOptions>>());
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        provider.AuthenticationStateChanged += async state => signedOut.TrySetResult((await state).User);

        // Still valid over a few revalidations: nothing changes while the account is enabled.
        await Task.WhenAny(signedOut.Task, Task.Delay(2500));
        signedOut.Task.IsCompleted.ShouldBeFalse();

        var target = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "ska@demo.test"));
        (await _app.Services.GetRequiredService<UserAdministration>().DisableAsync(await _app.PrincipalAsync("admin@demo.test"), target.Id)).Succeeded.ShouldBeTrue();

        var user = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(10));
        user.Identity?.IsAuthenticated.ShouldNotBe(true);
    }

    [Fact]
    public async Task Revalidation_RefusesADisabledAccountEvenWithAMatchingStamp()
    {
        var principal = await _app.PrincipalAsync("ska@demo.test");
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var identity = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        (await IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, identity, principal)).ShouldBeTrue();

        // Locked without touching the stamp (as a direct database fix would): still refused.
        var user = (await users.FindByEmailAsync("ska@demo.test"))!;
        user.LockoutEnd = UserState.DisabledUntil;
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, UserState.DisabledUntil)));

        await using var fresh = _app.Services.CreateAsyncScope();
        (await IdentityRevalidatingAuthenticationStateProvider.IsStillValidAsync(fresh.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), identity, principal)).ShouldBeFalse();
    }

    [Fact]
    public async Task AuditExport_ContainsExactlyTheFilteredEntries()
    {
        var brandId = await TestBrands.CreateWithOwnerAsync(_app, "audit-brand", "owner@audit.test");
        var day = new DateOnly(2026, 11, 10);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 30; i++)
        {
            entries.Add(new AuditEntry
            {
                // Just after and just before a China day's edges, stamped in UTC as the audit stamps them: the day is China's.
                At = PlatformTime.At(day.AddDays(i % 6), i % 4 == 0 ? new TimeOnly(0, 30) : new TimeOnly(23, 30)).ToUniversalTime(),
                ActorName = i % 3 == 0 ? "Alice" : "Bob",
                ActorEmail = i % 3 == 0 ? "alice@demo.test" : "bob@demo.test",
                BrandId = i % 2 == 0 ? brandId : null,
                EntityType = i % 5 == 0 ? "Category" : "PlaybookTask",
                EntityKey = $"key-{i:00}",
                Action = AuditAction.Modified,
                Changes = i == 7 ? """{"Name":{"old":"a","new":"=cmd|' /C calc'!A0"}}""" : "{}",
            });
        }

        await _app.WithDbAsync(async db => { db.AuditEntries.AddRange(entries); return await db.SaveChangesAsync(); });
        using var admin = new BrowserClient(_app);
        await admin.SignInAsync("admin@demo.test");

        var expected = entries
            .Where(e => e.ActorName == "Bob" && e.EntityType == "PlaybookTask")
            .Where(e => PlatformTime.DayOf(e.At) >= day.AddDays(1) && PlatformTime.DayOf(e.At) <= day.AddDays(3))
            .Select(e => e.EntityKey)
            .ToList();
        var response = await admin.Http.GetAsync("/admin/audit/export?actor=bob&type=PlaybookTask&from=2026-11-11&to=2026-11-13");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var keys = await KeysAsync(response);
        keys.ShouldBe(expected.OrderByDescending(k => entries.Single(e => e.EntityKey == k).At).ThenByDescending(k => k).ToList(), ignoreOrder: true);
        keys.Count.ShouldBe(expected.Count);
        expected.Count.ShouldBeGreaterThan(2);

        // The brand's own creation is audited too (its Brand and BrandMember rows).
        var created = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.BrandId == brandId && e.Action == AuditAction.Added).Select(e => e.EntityKey).ToListAsync());
        created.Count.ShouldBe(2);
        var byBrand = await KeysAsync(await admin.Http.GetAsync("/admin/audit/export?brand=audit-brand"));
        byBrand.ShouldBe(entries.Where(e => e.BrandId == brandId).Select(e => e.EntityKey).Concat(created).ToList(), ignoreOrder: true);
        (await KeysAsync(await admin.Http.GetAsync("/admin/audit/export?brand=audit-brand&q=calc"))).ShouldBeEmpty("key-07 has no brand");
        var byText = await KeysAsync(await admin.Http.GetAsync("/admin/audit/export?q=calc"));
        byText.ShouldBe(["key-07"]);

        // The same filter through the viewer's query answers the same count.
        var page = await _app.Services.GetRequiredService<AuditLog>().QueryAsync(await _app.PrincipalAsync("admin@demo.test"),
            new AuditFilter("bob", "PlaybookTask", null, AuditFilter.Days(day.AddDays(1), day.AddDays(3)).From, AuditFilter.Days(day.AddDays(1), day.AddDays(3)).To), 0, 5);
        page.Value!.TotalCount.ShouldBe(expected.Count);
        page.Value.Items.Count.ShouldBe(Math.Min(5, expected.Count));
    }

    [Fact]
    public async Task AuditExport_EscapesAFieldThatLooksLikeAFormula()
    {
        await _app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = _app.Clock.GetUtcNow(), ActorName = "=1+1", EntityType = "Category", EntityKey = "formula-plain", Changes = "{}" });
            db.AuditEntries.Add(new AuditEntry { At = _app.Clock.GetUtcNow(), ActorName = "=HYPERLINK(\"x\")", EntityType = "Category", EntityKey = "formula-quoted", Changes = "{}" });
            return await db.SaveChangesAsync();
        });
        using var admin = new BrowserClient(_app);
        await admin.SignInAsync("admin@demo.test");

        var actors = await ColumnByKeyAsync(await admin.Http.GetAsync("/admin/audit/export?q=formula-"), "ActorName");

        actors["formula-plain"].ShouldBe("'=1+1");
        actors["formula-quoted"].ShouldBe("'=HYPERLINK(\"x\")");
    }

    private static async Task<Dictionary<string, string>> ColumnByKeyAsync(HttpResponseMessage response, string column)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = await response.Content.ReadAsStreamAsync();
        await using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true }, false);
        var values = new Dictionary<string, string>();
        while (await csv.ReadAsync())
        {
            values[csv.GetString("EntityKey")] = csv.GetString(column);
        }

        return values;
    }

    private static async Task<List<string>> KeysAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        await using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true }, false);
        var keys = new List<string>();
        while (await csv.ReadAsync())
        {
            keys.Add(csv.GetString("EntityKey"));
        }

        return keys;
    }
}
