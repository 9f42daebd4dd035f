using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.TrustCard;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.TrustCard;

namespace Portal.IntegrationTests.Web.Components.TrustCard;

/// <summary>
/// The trust-card editor against the real service, handed one brand and then another without being made anew (Brand 360
/// or the trust-card page moving to another brand through the router): it shows, and would save, the brand it has now.
/// </summary>
public sealed class TrustCardEditorTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public TrustCardEditorTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<TrustCardService>());
    }

    [Fact]
    public async Task HandedAnotherBrand_ShowsThatBrandsCommitments_NotThePreviousOnes()
    {
        var committed = TrustEntitlementList.All[0] | TrustEntitlementList.All[1];
        var (codeA, idA, ownerA) = await _fixture.NewBrandAsync("trust");
        (await _fixture.Service<TrustCardService>().SaveAsync(ownerA, idA, committed)).Succeeded.ShouldBeTrue();
        var (codeB, idB, _) = await _fixture.NewBrandAsync("trust");
        var editor = RenderAs(_fixture.Staff, Summary(idA, codeA), PortalRoles.SkaOperator);
        editor.WaitForAssertion(() => editor.FindAll("[data-testid='trust-history'] tbody tr").Count.ShouldBe(1));
        CheckedBoxes(editor).ShouldBe(2);

        editor.Render(p => p.Add(x => x.Brand, Summary(idB, codeB)));

        editor.WaitForAssertion(() => editor.Markup.ShouldContain("No changes yet."));
        editor.FindAll("[data-testid='trust-history']").ShouldBeEmpty();
        CheckedBoxes(editor).ShouldBe(0);
    }

    private static BrandSummary Summary(Guid id, string code) => new(id, code, code, code, null);

    private static int CheckedBoxes(IRenderedComponent<TrustCardEditor> editor) =>
        editor.FindAll("input[type='checkbox']").Count(box => box is AngleSharp.Html.Dom.IHtmlInputElement { IsChecked: true });

    private IRenderedComponent<TrustCardEditor> RenderAs(ClaimsPrincipal user, BrandSummary brand, params string[] roles)
    {
        SignInAs(user, roles);
        return Render<TrustCardEditor>(p => p.Add(x => x.Brand, brand));
    }
}
