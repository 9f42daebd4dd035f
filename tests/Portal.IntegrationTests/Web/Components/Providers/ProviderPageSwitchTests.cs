using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Providers;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>
/// Staff's page of one provider, moved to another provider through the router while a provider is still being read
/// (held back by <see cref="Infrastructure.ReadGate"/>): it shows the provider its address names, whichever answer lands first.
/// </summary>
public sealed class ProviderPageSwitchTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public ProviderPageSwitchTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<ProviderDirectory>());
        Services.AddSingleton(fixture.Service<ProviderDecisions>());
        Services.AddSingleton(fixture.Service<ProviderSuspension>());
        Services.AddSingleton(fixture.Service<ProviderScorecardService>());
    }

    [Fact]
    public async Task AnotherProvider_TheFirstOnesAnswerLandingFirst_IsDropped()
    {
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        using var slowFirst = _fixture.Reads.Hold(DemoData.ProviderCode);
        var page = Render<ProviderPage>(p => p.Add(x => x.Code, DemoData.ProviderCode));
        await slowFirst.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        using (var slowSecond = _fixture.Reads.Hold(DemoData.SmallProviderCode))
        {
            page.Render(p => p.Add(x => x.Code, DemoData.SmallProviderCode));
            await slowSecond.Reached.WaitAsync(TimeSpan.FromSeconds(10));
            await slowFirst.LandAsync(() => page.FindAll("[data-testid='provider-header']").ShouldBeEmpty());
        }

        page.WaitForAssertion(() => Header(page).ShouldContain(DemoData.SmallProviderCode));
        Header(page).ShouldNotContain(DemoData.ProviderCode);
    }

    [Fact]
    public async Task AnotherProvider_HidesThePreviousOne_WhileItIsRead()
    {
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        var page = Render<ProviderPage>(p => p.Add(x => x.Code, DemoData.ProviderCode));
        page.WaitForAssertion(() => Header(page).ShouldContain(DemoData.ProviderCode));

        using (var slow = _fixture.Reads.Hold(DemoData.SmallProviderCode))
        {
            page.Render(p => p.Add(x => x.Code, DemoData.SmallProviderCode));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            page.FindAll("[data-testid='provider-header']").ShouldBeEmpty();
        }

        page.WaitForAssertion(() => Header(page).ShouldContain(DemoData.SmallProviderCode));
    }

    private static string Header(IRenderedComponent<ProviderPage> page) => page.Find("[data-testid='provider-header']").TextContent;
}
