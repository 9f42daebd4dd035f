using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Providers;

/// <summary>
/// Every brand route and the brand-scoped API over HTTP, for a provider's person (Farsail on Cloud Tea: stream plans,
/// STEPS tasks, metrics import): delegated areas answer, the rest of the brand and every other brand are 404.
/// </summary>
public sealed class DelegatedRoutesTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    public static TheoryData<string, HttpStatusCode> Routes => new()
    {
        { "/brands/demo-tea/streams", HttpStatusCode.OK },
        { "/brands/demo-tea/streams/new", HttpStatusCode.OK },
        { "/brands/demo-tea/journey", HttpStatusCode.OK },
        { "/brands/demo-tea/dashboard", HttpStatusCode.OK },
        { "/brands/demo-tea/dashboard/import", HttpStatusCode.OK },
        { "/brands/demo-tea", HttpStatusCode.NotFound },
        { "/brands/demo-tea/application", HttpStatusCode.NotFound },
        { "/brands/demo-tea/documents", HttpStatusCode.NotFound },
        { "/brands/demo-tea/trust-card", HttpStatusCode.NotFound },
        { "/brands/demo-tea/members", HttpStatusCode.NotFound },
        { "/brands/demo-tea/messages", HttpStatusCode.NotFound },
        { "/brands/demo-tea/providers", HttpStatusCode.NotFound },
        { "/api/brands/demo-tea/comments", HttpStatusCode.NotFound },
        { "/brands/silver-moon", HttpStatusCode.NotFound },
        { "/brands/silver-moon/streams", HttpStatusCode.NotFound },
        { "/brands/silver-moon/journey", HttpStatusCode.NotFound },
        { "/brands/silver-moon/dashboard", HttpStatusCode.NotFound },
        { "/brands/silver-moon/dashboard/import", HttpStatusCode.NotFound },
        { "/brands/silver-moon/documents", HttpStatusCode.NotFound },
        { "/brands/silver-moon/messages", HttpStatusCode.NotFound },
        { "/brands/silver-moon/providers", HttpStatusCode.NotFound },
        { "/api/brands/silver-moon/comments", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task BrandRoute_ForAProvidersPerson_AnswersOnlyInDelegatedAreas(string path, HttpStatusCode expected)
    {
        using var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(DemoData.ProviderOperatorEmail);

        var response = await browser.Http.GetAsync(path);

        response.StatusCode.ShouldBe(expected, path);
    }

    [Fact]
    public async Task ProvidersPage_ForTheOwner_ListsFarsail()
    {
        using var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(DemoData.BrandManagerEmail);

        var response = await browser.Http.GetAsync("/brands/demo-tea/providers");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        (html.Contains(DemoData.ProviderNameZh, StringComparison.Ordinal) || html.Contains(DemoData.ProviderNameEn, StringComparison.Ordinal)).ShouldBeTrue();
        html.ShouldContain("data-testid=\"grant-submit\"");
    }

    [Fact]
    public async Task StreamPlanPage_OfADelegatedBrand_Opens_OfAnotherBrand_IsNotFound()
    {
        var plan = await fixture.App.WithDbAsync(db => db.StreamPlans.Where(p => p.BrandId == fixture.DemoTeaId).Select(p => p.Id).FirstAsync());
        // Silver Moon's own plan, made by its owner: Farsail does not serve Silver Moon.
        var moonOwner = await fixture.App.WithDbAsync(db => db.BrandMembers.Where(m => m.BrandId == fixture.SilverMoonId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Email }).OrderBy(x => x.Role).Select(x => x.Email!).FirstAsync());
        var moonPlan = await fixture.Service<StreamPlanService>().CreateAsync(await fixture.App.PrincipalAsync(moonOwner), fixture.SilverMoonId,
            StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(3), "Silver Moon's own"));
        moonPlan.Errors.ShouldBeEmpty();
        using var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(DemoData.ProviderOperatorEmail);

        (await browser.Http.GetAsync($"/brands/demo-tea/streams/{plan}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync($"/brands/demo-tea/streams/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.Http.GetAsync($"/brands/silver-moon/streams/{moonPlan.Value}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Nor under the brand Farsail serves: a plan is found by its brand and its id together.
        (await browser.Http.GetAsync($"/brands/demo-tea/streams/{moonPlan.Value}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("preview")]
    public async Task DocumentFile_OfADelegatedBrandWithoutDocuments_IsNotFound(string kind)
    {
        var document = await fixture.App.WithDbAsync(db => db.Documents.Where(d => d.BrandId == fixture.DemoTeaId).Select(d => d.Id).FirstAsync());
        using var owner = new BrowserClient(fixture.App);
        await owner.SignInAsync(DemoData.BrandManagerEmail);
        using var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(DemoData.ProviderOperatorEmail);

        // The owner opens it, so the refusal is the missing Documents area, not a missing file.
        (await owner.Http.GetAsync($"/documents/{document}/{kind}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync($"/documents/{document}/{kind}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CommentPost_WithoutMessagesDelegated_IsNotFound_NothingWritten()
    {
        using var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(DemoData.ProviderOperatorEmail);
        var before = await fixture.App.WithDbAsync(db => db.BrandComments.CountAsync());

        var response = await browser.Http.PostAsJsonAsync("/api/brands/demo-tea/comments", new { text = "From Farsail" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.App.WithDbAsync(db => db.BrandComments.CountAsync())).ShouldBe(before);
    }
}
