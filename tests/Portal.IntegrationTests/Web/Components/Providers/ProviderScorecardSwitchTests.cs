using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Providers;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>
/// Staff move from one provider's scorecard to another's while a provider is still being read (held back by
/// <see cref="Infrastructure.ReadGate"/>): the card shows the provider the address names, whichever answer lands first.
/// </summary>
public sealed class ProviderScorecardSwitchTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public ProviderScorecardSwitchTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<ProviderScorecardService>());
    }

    [Fact]
    public async Task AnotherProvider_TheFirstOnesAnswerLandingLast_IsDropped()
    {
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        using var slow = _fixture.Reads.Hold(DemoData.ProviderCode);
        var card = Render<ProviderScorecard>(p => p.Add(x => x.ProviderCode, DemoData.ProviderCode));
        await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        card.Render(p => p.Add(x => x.ProviderCode, DemoData.SmallProviderCode));
        card.WaitForAssertion(() => Heading(card).ShouldNotBeEmpty());
        var other = Heading(card);
        other.ShouldNotContain(DemoData.ProviderNameEn);
        await slow.LandAsync(() => Heading(card).ShouldBe(other));
    }

    [Fact]
    public async Task AnotherProvider_TheFirstOnesAnswerLandingFirst_IsDropped()
    {
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        using var slowFirst = _fixture.Reads.Hold(DemoData.ProviderCode);
        var card = Render<ProviderScorecard>(p => p.Add(x => x.ProviderCode, DemoData.ProviderCode));
        await slowFirst.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        using (var slowSecond = _fixture.Reads.Hold(DemoData.SmallProviderCode))
        {
            card.Render(p => p.Add(x => x.ProviderCode, DemoData.SmallProviderCode));
            await slowSecond.Reached.WaitAsync(TimeSpan.FromSeconds(10));
            await slowFirst.LandAsync(() =>
            {
                card.FindAll("[data-testid='provider-scorecard']").ShouldBeEmpty();
                card.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
            });
        }

        card.WaitForAssertion(() => Heading(card).ShouldNotBeEmpty());
        Heading(card).ShouldNotContain(DemoData.ProviderNameEn);
    }

    [Fact]
    public async Task AnotherProvider_HidesThePreviousCard_WhileItsOwnIsRead()
    {
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        var card = Render<ProviderScorecard>(p => p.Add(x => x.ProviderCode, DemoData.ProviderCode));
        card.WaitForAssertion(() => Heading(card).ShouldContain(DemoData.ProviderNameEn));

        using (var slow = _fixture.Reads.Hold(DemoData.SmallProviderCode))
        {
            card.Render(p => p.Add(x => x.ProviderCode, DemoData.SmallProviderCode));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            card.FindAll("[data-testid='provider-scorecard']").ShouldBeEmpty();
        }

        card.WaitForAssertion(() => Heading(card).ShouldNotBeEmpty());
        Heading(card).ShouldNotContain(DemoData.ProviderNameEn);
    }

    private static string Heading(IRenderedComponent<ProviderScorecard> card) => card.Find("#scorecard-heading").TextContent;
}
