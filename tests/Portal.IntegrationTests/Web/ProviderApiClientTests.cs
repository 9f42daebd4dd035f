using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Providers;
using Portal.IntegrationTests.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>
/// A provider's API client (owner kind "provider"): it writes and reads only the brands its provider serves today with
/// metrics import delegated, decided per request, so a revocation stops it at once. Farsail serves demo-tea with it.
/// </summary>
public sealed class ProviderApiClientTests(MetricsApiFixture fixture) : IClassFixture<MetricsApiFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Row(string brand, string day) => $$"""{"rows":[{"brand":"{{brand}}","date":"{{day}}","orders":4}]}""";

    private async Task<HttpClient> FarsailClientAsync(string clientId)
    {
        var clients = _app.Services.GetRequiredService<ApiClientAdministration>();
        var admin = await _app.PrincipalAsync("admin@demo.test");
        var created = await clients.CreateAsync(admin, clientId, "Farsail feed", ["metrics.write", "metrics.read"], ApiClientOwner.Provider("Farsail"));
        created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors));
        return await MetricsBrandScopeTests.ClientAsync(_app, clientId, created.Value!);
    }

    private Task<Guid> DelegateToFarsailAsync(Guid brandId, DelegatedArea areas) => _app.WithDbAsync(async db =>
    {
        var farsail = await db.Providers.SingleAsync(p => p.Code == "farsail");
        var delegation = new BrandDelegation { BrandId = brandId, ProviderId = farsail.Id, Areas = areas, StartsOn = Portal.Core.PlatformTime.DayOf(_app.Clock.GetUtcNow()).AddDays(-10) };
        db.BrandDelegations.Add(delegation);
        await db.SaveChangesAsync();
        return delegation.Id;
    });

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string brand)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("brands").EnumerateArray().Select(b => b.GetString()).ShouldBe([brand]);
    }

    [Fact]
    public async Task ProviderClient_ForAServedBrandWithMetricsImport_WritesAndReads()
    {
        var client = await FarsailClientAsync("farsail-feed-served");

        (await client.PutAsync("/api/v1/metrics/daily", Json(Row("demo-tea", "2026-03-10")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/brands/demo-tea/metrics?from=2026-03-01&to=2026-03-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProviderClient_Batch_LeavesTheBrandAnAuditedRecordNamingTheClientAndTheProvider()
    {
        // Its figures move the brand's tier and the provider's own scorecard: the brand's trail says who wrote them.
        var (code, brandId) = await _app.NewBrandAsync("api-record");
        await DelegateToFarsailAsync(brandId, DelegatedArea.MetricsImport);
        var client = await FarsailClientAsync("farsail-feed-record");

        var response = await client.PutAsync("/api/v1/metrics/daily",
            Json($$"""{"rows":[{"brand":"{{code}}","date":"2026-03-13","orders":4},{"brand":"{{code}}","date":"2026-03-15","orders":5}]}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var farsailId = await _app.WithDbAsync(db => db.Providers.Where(p => p.Code == "farsail").Select(p => p.Id).SingleAsync());
        var record = await _app.WithDbAsync(db => db.MetricsImportRecords.AsNoTracking().SingleAsync(r => r.BrandId == brandId));
        (record.Rows, record.FirstDate, record.LastDate).ShouldBe((2, new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 15)));
        (record.ImportedByUserId, record.ImportedByClientId, record.ImportedByProviderId).ShouldBe((null, "farsail-feed-record", farsailId));
        (await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.BrandId == brandId && e.EntityType == "MetricsImportRecord"))).ShouldBeTrue();
    }

    [Fact]
    public async Task PlatformClient_Batch_LeavesNoImportRecord()
    {
        var (code, brandId) = await _app.NewBrandAsync("platform-feed");
        var client = await MetricsApiTests.ClientAsync(_app, "metrics.write");

        (await client.PutAsync("/api/v1/metrics/daily", Json(Row(code, "2026-03-14")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _app.WithDbAsync(db => db.MetricsImportRecords.AnyAsync(r => r.BrandId == brandId))).ShouldBeFalse("the platform's own feed writes every brand every day");
    }

    [Fact]
    public async Task ProviderClient_ForABrandNotServed_IsRefusedWithProblemDetails()
    {
        var client = await FarsailClientAsync("farsail-feed-unserved");

        await ShouldBeRefusedAsync(await client.PutAsync("/api/v1/metrics/daily", Json(Row("silver-moon", "2026-03-11"))), "silver-moon");
        await ShouldBeRefusedAsync(await client.GetAsync("/api/v1/brands/silver-moon/metrics?from=2026-03-01&to=2026-03-31"), "silver-moon");
    }

    [Fact]
    public async Task ProviderClient_ForABrandServedWithoutMetricsImport_IsRefused()
    {
        var (code, brandId) = await _app.NewBrandAsync("streams-only");
        await DelegateToFarsailAsync(brandId, DelegatedArea.StreamPlans | DelegatedArea.StepsTasks);
        var client = await FarsailClientAsync("farsail-feed-streams");

        await ShouldBeRefusedAsync(await client.PutAsync("/api/v1/metrics/daily", Json(Row(code, "2026-03-12"))), code);
    }

    [Fact]
    public async Task ProviderClient_AfterTheDelegationIsRevoked_IsRefusedAtOnce()
    {
        var (code, brandId) = await _app.NewBrandAsync("revoked");
        var delegation = await DelegateToFarsailAsync(brandId, DelegatedArea.MetricsImport);
        var client = await FarsailClientAsync("farsail-feed-revoked");
        (await client.PutAsync("/api/v1/metrics/daily", Json(Row(code, "2026-03-13")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _app.WithDbAsync(async db =>
        {
            var row = await db.BrandDelegations.SingleAsync(d => d.Id == delegation);
            row.RevokedAt = _app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        await ShouldBeRefusedAsync(await client.PutAsync("/api/v1/metrics/daily", Json(Row(code, "2026-03-14"))), code);
    }

    [Fact]
    public async Task CreateClient_ForAnUnknownProvider_IsRefusedAndNothingIsCreated()
    {
        var clients = _app.Services.GetRequiredService<ApiClientAdministration>();
        var admin = await _app.PrincipalAsync("admin@demo.test");

        var unknown = await clients.CreateAsync(admin, "ghost-feed", "Ghost", ["metrics.write"], ApiClientOwner.Provider("ghost"));
        var unnamed = await clients.CreateAsync(admin, "nobody-feed", "Nobody", ["metrics.write"], ApiClientOwner.Provider(" "));

        unknown.Errors.ShouldBe(["There is no service provider with the code ghost."]);
        unnamed.Errors.ShouldBe(["Name the one service provider whose brands the client serves."]);
        (await clients.ListAsync(admin)).Value!.Select(c => c.ClientId).ShouldNotContain("ghost-feed");
        (await clients.ListAsync(admin)).Value!.Select(c => c.ClientId).ShouldNotContain("nobody-feed");
    }
}
