namespace Portal.Web.Auth;

/// <summary>Which return addresses the account pages follow after sign-in or sign-out.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="url"/> when it stays on this site (a path such as <c>/brands/x</c> or a relative
    /// <c>brands/x</c>), otherwise <c>/</c>: an absolute, protocol-relative (<c>//host</c>), backslash
    /// (<c>/\host</c>) or scheme (<c>javascript:</c>) address never leaves the portal and never fails the request.
    /// </summary>
    public static string LocalOrRoot(string? url) => IsLocal(url) ? AsciiOnly(url!) : "/";

    /// <summary>
    /// The address with every character outside ASCII percent-encoded (as UTF-8), as a <c>Location</c> header must be:
    /// Kestrel refuses to send one with <c>/é</c> in it, after the request has done its work.
    /// </summary>
    private static string AsciiOnly(string url) =>
        url.All(char.IsAscii) ? url : string.Concat(url.EnumerateRunes().Select(r => r.IsAscii ? r.ToString() : Uri.EscapeDataString(r.ToString())));

    /// <summary>ASP.NET Core's <c>IUrlHelper.IsLocalUrl</c> rules for rooted paths, plus relative paths without a scheme; never a backslash.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl) || url.Contains('\\'))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || url[1] != '/';
        }

        // A relative path ("brands/x", "Account/Lockout"): no scheme before its first slash, query or fragment.
        var end = url.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? url : url[..end];
        return !head.Contains(':') && Uri.IsWellFormedUriString(url, UriKind.Relative);
    }
}
