using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Portfolio;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>The portfolio over HTTP: the grid's data, exports (CSV and xlsx read back) and who may ask.</summary>
public sealed class PortfolioEndpointTests(PortfolioFixture fixture) : IClassFixture<PortfolioFixture>
{
    private async Task<BrowserClient> SignedInAsync(string email)
    {
        var browser = new BrowserClient(fixture.App);
        (await browser.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private static List<string[]> ParseCsv(string text) =>
        text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split(',')).ToList();

    private static string State(string html) => Regex.Match(html, "<!--Blazor-Server-Component-State:([^-]*)-->").Groups[1].Value;

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task ThePage_ArrivesWithItsFirstRows_AndHandsThemToItsCircuit_WellUnderTheReceiveLimit(string language)
    {
        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var empty = State(await browser.Http.GetStringAsync("/ops/portfolio?q=nothing-matches-this"));

        var html = await browser.Http.GetStringAsync($"/ops/portfolio?q={PortfolioFixture.Prefix}&sort=Code");

        var shown = Regex.Matches(html, "href=\"/ops/brands/([^\"]+)\" data-testid=\"portfolio-brand\"").Select(m => m.Groups[1].Value).ToList();
        shown.ShouldBe(fixture.Expected(_ => true).Take(PortfolioSpec.DefaultPageSize));
        html.ShouldNotContain("mud-table-loading");
        // The 25 rows again, for the circuit: the browser sends them back in its first message (32 KB at most).
        State(html).Length.ShouldBeGreaterThan(empty.Length + 2_000);
        State(html).Length.ShouldBeLessThan(16 * 1024);
    }

    [Fact]
    public async Task ThePage_OfAHundredRows_IsNotHandedToItsCircuit_WhoseFirstMessageWouldPassTheLimit()
    {
        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        var empty = State(await browser.Http.GetStringAsync("/ops/portfolio?q=nothing-matches-this&size=100"));

        var html = await browser.Http.GetStringAsync($"/ops/portfolio?q={PortfolioFixture.Prefix}&size=100");

        Regex.Matches(html, "data-testid=\"portfolio-brand\"").Count.ShouldBe(100);
        // Less than the state of a page handing over no rows at all: nothing of the page's is in it.
        State(html).Length.ShouldBeLessThan(empty.Length);
    }

    [Fact]
    public async Task ThePage_WhoseFirstRowsCannotBeRead_StillArrives_AndLeavesTheRowsToItsCircuit()
    {
        await using var app = new PortalAppFactory(settings: PortfolioRefreshQueueScenarios.NoJobServer);
        using var browser = new BrowserClient(app);
        (await browser.SignInAsync(DemoData.OperatorEmail)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // What a page that hands over no rows at all carries (an empty first page is still handed over).
        var empty = State(await browser.Http.GetStringAsync("/ops/portfolio?q=nothing-matches-this"));
        // The rows' table gone: every read of a page of rows fails.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "BrandPortfolioRows" RENAME TO "BrandPortfolioRowsGone";"""));

        var response = await browser.Http.GetAsync("/ops/portfolio");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"portfolio-grid\"");
        html.ShouldContain("mud-table-loading");
        html.ShouldNotContain("data-testid=\"portfolio-brand\"");
        // Nothing handed over, not even an empty page: the circuit reads the rows itself.
        State(html).Length.ShouldBeLessThan(empty.Length);
    }

    [Fact]
    public async Task CsvExport_HoldsExactlyTheFilteredRows_AllOfThemNotOnePage()
    {
        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        var response = await browser.Http.GetAsync($"/ops/portfolio/export?format=csv&view=blocked&q={PortfolioFixture.Prefix}&sort=Code&size=10");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var expected = fixture.Expected(b => b.Compliance == ComplianceStatus.Blocked);
        response.Headers.GetValues("X-Total-Rows").Single().ShouldBe(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var lines = ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        lines[0][0].ShouldBe("Code");
        lines[0][1].ShouldBe("Brand");
        lines.Skip(1).Select(l => l[0]).ToList().ShouldBe(expected);
        expected.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task CsvExport_HeadersFollowTheLanguage()
    {
        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var text = await browser.Http.GetStringAsync($"/ops/portfolio/export?format=csv&q={PortfolioFixture.Prefix}-000");
        var lines = ParseCsv(text);
        lines[0][0].ShouldBe("代码");
        lines.Count.ShouldBe(2);
    }

    [Fact]
    public async Task XlsxExport_ReadsBackWithTheSameRows()
    {
        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        var response = await browser.Http.GetAsync($"/ops/portfolio/export?format=xlsx&view=stalled&q={PortfolioFixture.Prefix}&tier=Ka&sort=Code");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => (string)r["Code"]).ToList().ShouldBe(fixture.Expected(b => b.Stalled && b.Tier == Portal.Core.Features.Tiers.GrowthTier.Ka));
        rows.ShouldAllBe(r => (string)r["Stalled"] == "Yes");
    }

    [Fact]
    public async Task BackgroundExport_ReportsProgressThenHandsTheFileOnceToItsOwner()
    {
        var exports = fixture.App.Services.GetRequiredService<PortfolioExports>();
        var staff = await fixture.App.PrincipalAsync(DemoData.OperatorEmail);
        var spec = new PortfolioSpec { View = PortfolioView.Mine, Search = PortfolioFixture.Prefix, Sort = PortfolioSort.Code };
        var started = await exports.StartAsync(staff, spec, ExportFormat.Csv);
        started.Succeeded.ShouldBeTrue();
        var expected = fixture.Expected(b => b.Mine);
        started.Value!.Total.ShouldBe(expected.Count);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (exports.Progress(staff, started.Value.Id) is { Done: false } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var done = exports.Progress(staff, started.Value.Id).ShouldNotBeNull();
        done.Done.ShouldBeTrue();
        done.Written.ShouldBe(expected.Count);

        // Another staff member can neither see nor take it.
        var admin = await fixture.App.PrincipalAsync(DemoData.AdminEmail);
        exports.Progress(admin, started.Value.Id).ShouldBeNull();
        exports.Open(admin, started.Value.Id).ShouldBeNull();

        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        var response = await browser.Http.GetAsync($"/ops/portfolio/export/{started.Value.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ParseCsv(await response.Content.ReadAsStringAsync()).Skip(1).Select(l => l[0]).ToList().ShouldBe(expected);
        (await browser.Http.GetAsync($"/ops/portfolio/export/{started.Value.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DataEndpoint_AnswersTheGridsPage()
    {
        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        var page = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<PortfolioPage>(browser.Http, $"/ops/portfolio/data?q={PortfolioFixture.Prefix}&sort=Gmv.desc&size=5&page=2");
        page!.Total.ShouldBe(PortfolioFixture.Count);
        page.Rows.Count.ShouldBe(5);
        page.Rows.Select(r => r.Code).ShouldBe(fixture.Brands.OrderByDescending(b => b.Gmv30).ThenBy(b => b.Code, StringComparer.Ordinal).Skip(5).Take(5).Select(b => b.Code));
    }

    [Theory]
    [InlineData("/ops/portfolio/data")]
    [InlineData("/ops/portfolio/export?format=csv")]
    [InlineData("/ops/portfolio/export?format=xlsx")]
    public async Task BrandManager_GetsNotFound(string path)
    {
        using var browser = await SignedInAsync(DemoData.BrandManagerEmail);
        (await browser.Http.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BrandManager_CannotOpenThePortfolioPage()
    {
        using var browser = await SignedInAsync(DemoData.BrandManagerEmail);
        var response = await browser.Http.GetAsync("/ops/portfolio");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/ops/portfolio/export?format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Staff_OpenThePortfolioPage()
    {
        using var browser = await SignedInAsync(DemoData.OperatorEmail);
        var html = await browser.Http.GetStringAsync("/ops/portfolio?view=stalled");
        html.ShouldContain("data-testid=\"portfolio-grid\"");
        html.ShouldContain("data-testid=\"view-stalled\"");
    }
}
