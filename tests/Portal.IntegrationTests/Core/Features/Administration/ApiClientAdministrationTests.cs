using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Audit;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Administration;

/// <summary>API clients through the administration service, checked with real tokens from /connect/token.</summary>
public sealed class ApiClientAdministrationTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    private ApiClientAdministration Clients => _app.Services.GetRequiredService<ApiClientAdministration>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Create_GivesAHighEntropySecretThatGetsATokenForTheGrantedScopesOnly()
    {
        var admin = await _app.PrincipalAsync("admin@demo.test");

        var created = await Clients.CreateAsync(admin, "erp-feed", "ERP feed", ["metrics.read"]);
        var other = await Clients.CreateAsync(admin, "erp-feed-2", "ERP feed 2", ["metrics.read"]);

        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors));
        created.Value!.Length.ShouldBeGreaterThanOrEqualTo(43); // 256 bits, base64url
        created.Value.ShouldNotBe(other.Value);
        var client = _app.CreateClient();
        (await TokenAsync(client, "erp-feed", created.Value, "metrics.read")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenAsync(client, "erp-feed", created.Value, "metrics.write")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var list = await Clients.ListAsync(admin);
        list.Value!.Single(c => c.ClientId == "erp-feed").Scopes.ShouldBe(["metrics.read"]);

        var entry = (await AuditAsync(AdminOperations.CreateClient)).First(e => e.EntityKey != "" && e.Changes.Contains("\"erp-feed\""));
        entry.EntityType.ShouldBe("ApiClient");
        entry.Action.ShouldBe(AuditAction.Added);
        entry.Changes.ShouldNotContain(created.Value);
        UserAdministrationTests.Changes(entry)["ClientSecret"].GetProperty("new").GetString().ShouldBe(AuditChanges.Redacted);
    }

    [Fact]
    public async Task Revoke_MakesTheClientsIssuedTokenFailAtOnce_AndNoNewTokenIsIssued()
    {
        var admin = await _app.PrincipalAsync("admin@demo.test");
        var secret = (await Clients.CreateAsync(admin, "shop-feed", "Shop feed", ["metrics.write", "metrics.read"])).Value!;
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var token = await AccessTokenAsync(client, "shop-feed", secret);
        (await PingAsync(client, token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await Clients.RevokeAsync(admin, "shop-feed");

        revoked.Succeeded.ShouldBeTrue();
        (await PingAsync(client, token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenAsync(client, "shop-feed", secret)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var entry = (await AuditAsync(AdminOperations.RevokeClient)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Deleted);
        entry.ActorName.ShouldBe("Portal Admin");
    }

    [Fact]
    public async Task Revoke_OfTheDemoFeed_StopsItsTokenButOtherClientsKeepWorking()
    {
        var admin = await _app.PrincipalAsync("admin@demo.test");
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var otherSecret = (await Clients.CreateAsync(admin, "keeps-working", "Keeps working", ["metrics.read"])).Value!;
        var demoToken = await AccessTokenAsync(client, "demo-feed", "demo-feed-secret");
        var otherToken = await AccessTokenAsync(client, "keeps-working", otherSecret, "metrics.read");

        (await Clients.RevokeAsync(admin, "demo-feed")).Succeeded.ShouldBeTrue();

        (await PingAsync(client, demoToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PingAsync(client, otherToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rotate_GivesANewSecret_TheOldSecretAndItsTokensStopWorking()
    {
        var admin = await _app.PrincipalAsync("admin@demo.test");
        var first = (await Clients.CreateAsync(admin, "rotating", "Rotating", ["metrics.write"])).Value!;
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var oldToken = await AccessTokenAsync(client, "rotating", first);

        var rotated = await Clients.RotateSecretAsync(admin, "rotating");

        rotated.Succeeded.ShouldBeTrue();
        rotated.Value.ShouldNotBe(first);
        (await TokenAsync(client, "rotating", first)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PingAsync(client, oldToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var newToken = await AccessTokenAsync(client, "rotating", rotated.Value!);
        (await PingAsync(client, newToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await AuditAsync(AdminOperations.RotateSecret)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Modified);
        UserAdministrationTests.Changes(entry).Keys.ShouldContain("ClientSecret");
        entry.Changes.ShouldNotContain(rotated.Value!);
        entry.Changes.ShouldNotContain(first);
    }

    [Fact]
    public async Task Everything_AskedByANonAdmin_IsRefused()
    {
        var staff = await _app.PrincipalAsync("ska@demo.test");

        (await Clients.ListAsync(staff)).Succeeded.ShouldBeFalse();
        (await Clients.CreateAsync(staff, "sneaky", "Sneaky", ["metrics.write"])).Succeeded.ShouldBeFalse();
        (await Clients.RotateSecretAsync(staff, "demo-feed")).Succeeded.ShouldBeFalse();
        (await Clients.RevokeAsync(staff, "demo-feed")).Succeeded.ShouldBeFalse();

        (await TokenAsync(_app.CreateClient(), "demo-feed", "demo-feed-secret")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorUserId != null))).ShouldBe(0);
    }

    [Fact]
    public async Task Create_WithABadIdOrNoScope_IsRefused()
    {
        var admin = await _app.PrincipalAsync("admin@demo.test");

        (await Clients.CreateAsync(admin, "Bad Id!", "x", ["metrics.read"])).Succeeded.ShouldBeFalse();
        (await Clients.CreateAsync(admin, "no-scope", "x", [])).Succeeded.ShouldBeFalse();
        (await Clients.CreateAsync(admin, "admin-scope", "x", ["admin.everything"])).Succeeded.ShouldBeFalse();
        (await Clients.CreateAsync(admin, "demo-feed", "x", ["metrics.read"])).Succeeded.ShouldBeFalse();
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string clientId, string secret, string scope = "metrics.write") =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));

    private static async Task<string> AccessTokenAsync(HttpClient client, string clientId, string secret, string scope = "metrics.write")
    {
        var response = await TokenAsync(client, clientId, secret, scope);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> PingAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ping");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private Task<List<AuditEntry>> AuditAsync(string operation) =>
        _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Operation == operation).ToListAsync());
}
