using Microsoft.AspNetCore.Components;
using Portal.Web.Auth;

namespace Portal.Web.Components.Account;

/// <summary>Redirects from statically rendered account pages, refusing open redirects.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    /// <summary>
    /// Goes to <paramref name="uri"/> when it is a page of this site, otherwise to <c>/</c>. Never throws for
    /// a hostile return address: an exception here would answer 500 after a correct sign-in and drop its cookie.
    /// </summary>
    public void RedirectTo(string? uri)
    {
        if (uri is not null && uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = "/" + navigationManager.ToBaseRelativePath(uri);
        }

        navigationManager.NavigateTo(ReturnUrls.LocalOrRoot(uri));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var withoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        RedirectTo(navigationManager.GetUriWithQueryParameters(withoutQuery, queryParameters));
    }
}
