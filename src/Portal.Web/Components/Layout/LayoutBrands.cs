using System.Security.Claims;
using Portal.Core.Features.Brands;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The signed-in person's brands for the layout, read once per request (prerendering) or per circuit: the brand
/// switcher and the brand sections of the side navigation both show them, and each used to run the same query on
/// every page. Both keep the list for the circuit's life anyway; pages still ask <see cref="BrandDirectory"/>
/// themselves, so what a page shows is never older than the page.
/// </summary>
public sealed class LayoutBrands(BrandDirectory directory)
{
    private Task<IReadOnlyList<BrandSummary>>? _mine;
    private Guid? _userId;

    /// <summary>The person's brands, as <see cref="BrandDirectory.MyBrandsAsync"/> lists them; the same answer for the whole scope.</summary>
    public Task<IReadOnlyList<BrandSummary>> MineAsync(ClaimsPrincipal user)
    {
        var userId = BrandDirectory.UserId(user);
        // Components of one scope run one at a time (the renderer's context), so no lock; a failed read is tried again.
        if (_mine is null || userId != _userId || _mine.IsFaulted || _mine.IsCanceled)
        {
            _userId = userId;
            _mine = directory.MyBrandsAsync(user);
        }

        return _mine;
    }
}
