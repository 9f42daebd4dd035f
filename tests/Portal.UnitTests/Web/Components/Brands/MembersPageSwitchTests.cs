using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Links;
using Portal.Core.Features.Live;
using Portal.UnitTests.Core.Features.Providers;
using Portal.UnitTests.Infrastructure;
using Portal.Web.Components.Pages.Members;

namespace Portal.UnitTests.Web.Components.Brands;

/// <summary>
/// The members page of an owner of two brands, moved to the other brand through the router while its members are still
/// being read (held back by <see cref="ReadGate"/>): the first brand's people and buttons go at once, before the frame shows
/// the other brand's name above them (a Remove there would act under the other brand's code).
/// </summary>
public sealed class MembersPageSwitchTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public MembersPageSwitchTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<BrandDirectory>());
        Services.AddSingleton(fixture.Service<ILiveUpdates>());
        Services.AddSingleton(fixture.Service<MembershipService>());
        Services.AddSingleton(fixture.Service<PublicLinks>());
    }

    [Fact]
    public async Task AnotherBrand_HidesThePreviousBrandsMembers_WhileItsOwnAreRead()
    {
        var (first, _, owner) = await _fixture.NewBrandAsync("mem");
        var second = $"{first}-2";
        var secondId = await TestBrands.CreateWithOwnerAsync(_fixture.App, second, $"{first}@example.com", nameEn: second);
        SignInAs(owner, PortalRoles.BrandManager);
        var page = Render<MembersPage>(p => p.Add(x => x.Code, first));
        page.WaitForAssertion(() => page.FindAll("tbody tr").ShouldNotBeEmpty());

        // The frame reads the brand by its code; the members' reads after that carry the brand's id.
        using (var slow = _fixture.Reads.Hold(secondId))
        {
            page.Render(p => p.Add(x => x.Code, second));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldContain(second));
            page.FindAll("table").ShouldBeEmpty();
            page.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
        }

        page.WaitForAssertion(() => page.FindAll("tbody tr").ShouldNotBeEmpty());
        page.FindAll(".mud-progress-linear").ShouldBeEmpty();
    }
}
