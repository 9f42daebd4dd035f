using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Brands;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

public sealed class TestingEndpointsTests
{
    [Fact]
    public async Task TestingEndpoints_InProduction_Are404()
    {
        using var directory = new TempDirectory();
        var settings = PortalAppFactory.ProductionSettings(directory);
        await using var app = new PortalAppFactory(directory, "Production", settings);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var reset = await client.PostAsync("/testing/reset", null);
        var clock = await client.PostAsJsonAsync("/testing/clock", new { now = "2027-01-01T00:00:00Z" });
        var undo = await client.DeleteAsync("/testing/clock");
        var health = await client.GetAsync("/health/ready");

        reset.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        clock.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        undo.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        health.StatusCode.ShouldBe(HttpStatusCode.OK, "the Production app itself must be up for the 404s to mean anything");
    }

    [Fact]
    public async Task Clock_MovedInDevelopment_IsWhatTheAppSeesUntilDeleted()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();
        var target = DateTimeOffset.Parse("2027-03-01T09:00:00+08:00");

        var moved = await client.PostAsJsonAsync("/testing/clock", new { now = target });
        var seen = await client.GetFromJsonAsync<JsonElement>("/testing/clock");
        var back = await client.DeleteAsync("/testing/clock");
        var after = await client.GetFromJsonAsync<JsonElement>("/testing/clock");

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (seen.GetProperty("now").GetDateTimeOffset() - target).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
        seen.GetProperty("adjusted").GetBoolean().ShouldBeTrue();
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.GetProperty("adjusted").GetBoolean().ShouldBeFalse();
        (after.GetProperty("now").GetDateTimeOffset() - TestClock.Start).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1), "back on the time line the host started on (Clock:Start)");
    }

    [Fact]
    public async Task Clock_WithoutNow_IsAProblemDetails400()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        // Every shape TESTING.md names: an empty body, {}, "now": null, and a body without "now".
        foreach (var body in new[] { "", "{}", "{\"now\": null}", "{\"when\": \"tomorrow\"}" })
        {
            var response = await client.PostAsync("/testing/clock", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"body '{body}'");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", $"body '{body}'");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Missing 'now'", $"body '{body}'");
        }
    }

    [Fact]
    public async Task Reset_WipesAddedDataAndReseedsTheDemo()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();
        await app.WithDbAsync(async db =>
        {
            db.Brands.Add(new Brand { Code = "left-over", NameZh = "残留", NameEn = "Left over" });
            return await db.SaveChangesAsync();
        });

        var response = await client.PostAsync("/testing/reset", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var codes = await app.WithDbAsync(db => db.Brands.OrderBy(b => b.Code).Select(b => b.Code).ToListAsync());
        codes.ShouldBe(["demo-tea", "silver-moon"]);
        (await app.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(6, "the three demo accounts and the demo providers' three people");
        var token = await TokenEndpointTests.RequestTokenAsync(client, "demo-feed-secret");
        token.StatusCode.ShouldBe(HttpStatusCode.OK, "the demo API client is seeded again");
    }
}
