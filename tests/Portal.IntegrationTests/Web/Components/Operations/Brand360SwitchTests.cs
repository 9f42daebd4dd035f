using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Operations;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Operations.Brand360;

namespace Portal.IntegrationTests.Web.Components.Operations;

/// <summary>
/// Brand 360 moved to another brand through the router while a brand is still being read (held back by
/// <see cref="Infrastructure.ReadGate"/>): the previous brand's header and tabs go at once, the new brand's come, and a
/// late answer for the previous brand neither shows nor turns the page to Not Found.
/// </summary>
public sealed class Brand360SwitchTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public Brand360SwitchTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<BrandOperationsService>());
        Services.AddSingleton(fixture.Service<MetricsReader>());
        Services.AddSingleton(fixture.Service<GrowthPathService>());
        Services.AddSingleton(fixture.Service<ApplicationQueryService>());
        Services.AddSingleton(fixture.Service<BrandCommentService>());
        Services.AddSingleton(fixture.Service<BrandCommentHub>());
    }

    [Fact]
    public async Task AnotherBrand_HidesThePreviousBrand_WhileItsOwnIsRead()
    {
        var (first, _, _) = await _fixture.NewBrandAsync("b360");
        var (second, _, _) = await _fixture.NewBrandAsync("b360");
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        var page = Render<Brand360Page>(p => p.Add(x => x.Code, first));
        page.WaitForAssertion(() => Header(page).ShouldContain(first));

        using (var slow = _fixture.Reads.Hold(second))
        {
            page.Render(p => p.Add(x => x.Code, second));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            page.FindAll("[data-testid='brand360-header']").ShouldBeEmpty();
            page.FindAll("[data-testid='brand360-tabs']").ShouldBeEmpty();
            page.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
        }

        page.WaitForAssertion(() => Header(page).ShouldContain(second));
    }

    [Fact]
    public async Task AnotherBrand_ThePreviousBrandsAnswerLandingFirst_NeitherShowsNorAnswersNotFound()
    {
        var (first, _, _) = await _fixture.NewBrandAsync("b360");
        var (second, _, _) = await _fixture.NewBrandAsync("b360");
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        var notFound = CountNotFound();
        using var slowFirst = _fixture.Reads.Hold(first);
        var page = Render<Brand360Page>(p => p.Add(x => x.Code, first));
        await slowFirst.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        using (var slowSecond = _fixture.Reads.Hold(second))
        {
            page.Render(p => p.Add(x => x.Code, second));
            await slowSecond.Reached.WaitAsync(TimeSpan.FromSeconds(10));
            await slowFirst.LandAsync(() =>
            {
                page.FindAll("[data-testid='brand360-header']").ShouldBeEmpty();
                notFound().ShouldBe(0);
            });
        }

        page.WaitForAssertion(() => Header(page).ShouldContain(second));
        notFound().ShouldBe(0);
    }

    [Fact]
    public async Task ABrandOfNoOne_AnswersNotFound()
    {
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        var notFound = CountNotFound();

        var page = Render<Brand360Page>(p => p.Add(x => x.Code, "no-such-brand"));

        page.WaitForAssertion(() => notFound().ShouldBe(1));
        page.FindAll("[data-testid='brand360-header']").ShouldBeEmpty();
    }

    /// <summary>Counts the page's "not found" answers (the router shows the Not Found page on each).</summary>
    private Func<int> CountNotFound()
    {
        var count = 0;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => count++;
        return () => count;
    }

    private static string Header(IRenderedComponent<Brand360Page> page) => page.Find("[data-testid='brand360-header']").TextContent;
}
