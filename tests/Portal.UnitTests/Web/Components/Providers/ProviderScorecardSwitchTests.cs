using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.UnitTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Providers;

namespace Portal.UnitTests.Web.Components.Providers;

/// <summary>
/// Staff move from one provider's scorecard to another's while the first is still being read (held back by
/// <see cref="Infrastructure.ReadGate"/>): the first provider's late answer does not replace the one the address names.
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
    public async Task AnotherProvider_BeforeTheFirstOnesAnswerCame_KeepsShowingTheOther()
    {
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        IRenderedComponent<ProviderScorecard> card;
        using (var slow = _fixture.Reads.Hold(DemoData.ProviderCode))
        {
            card = Render<ProviderScorecard>(p => p.Add(x => x.ProviderCode, DemoData.ProviderCode));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            card.Render(p => p.Add(x => x.ProviderCode, DemoData.SmallProviderCode));
            card.WaitForAssertion(() => Heading(card).ShouldNotBeEmpty());
        }

        var other = Heading(card);
        other.ShouldNotContain(DemoData.ProviderNameEn);
        for (var look = 0; look < 10; look++)
        {
            await Task.Delay(100);
            Heading(card).ShouldBe(other);
        }
    }

    private static string Heading(IRenderedComponent<ProviderScorecard> card) => card.Find("#scorecard-heading").TextContent;
}
