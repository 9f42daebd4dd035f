using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Options;

namespace Portal.Core.Features.Links;

/// <summary>Settings under <c>Portal</c>: where people reach the portal.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>What Development uses when <see cref="PublicBaseUrl"/> is unset (the <c>http</c> launch profile).</summary>
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    /// <summary>
    /// The portal's public address (e.g. <c>https://portal.example.com</c>). Every link in an e-mail starts
    /// with it, never with the Host header of the request that caused the e-mail, which a client chooses.
    /// Required outside Development.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

internal sealed class PortalOptionsValidator(IHostEnvironment environment) : SettingsValidator<PortalOptions>
{
    protected override void Check(PortalOptions options, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            if (!environment.IsDevelopment())
            {
                fail("Portal:PublicBaseUrl", "is required outside Development: it is the portal's public address (e.g. https://portal.example.com) that every link in an e-mail starts with.");
            }

            return;
        }

        if (!PublicLinks.TryParseBase(options.PublicBaseUrl, out _))
        {
            fail("Portal:PublicBaseUrl", $"must be an absolute http(s) address without query or fragment, e.g. https://portal.example.com (got '{options.PublicBaseUrl}').");
        }
    }
}

/// <summary>Absolute links to the portal's pages, for e-mails: built on <c>Portal:PublicBaseUrl</c> only.</summary>
public sealed class PublicLinks(IOptions<PortalOptions> options, IHostEnvironment environment)
{
    private Uri? _base;

    /// <summary>The configured public address, ending with a slash (Development: <see cref="PortalOptions.DevelopmentBaseUrl"/> when unset).</summary>
    public Uri BaseUri => _base ??= Resolve(options.Value.PublicBaseUrl, environment);

    /// <summary>The absolute address of <paramref name="path"/> (relative to the portal's root; a leading slash is allowed).</summary>
    public string To(string path) => new Uri(BaseUri, path.TrimStart('/')).AbsoluteUri;

    /// <summary>The absolute address of <paramref name="path"/> with the query <paramref name="query"/> (values escaped).</summary>
    public string To(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var pairs = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return pairs.Length == 0 ? To(path) : $"{To(path)}?{pairs}";
    }

    /// <summary>The sign-in page.</summary>
    public string Login() => To("Account/Login");

    /// <summary>The page that sets a new password with an Identity reset <paramref name="token"/> (base64url-encoded into <c>code</c>).</summary>
    public string PasswordReset(string token, string email) =>
        To("Account/ResetPassword", [new("code", Encode(token)), new("email", email)]);

    /// <summary>The page that confirms an account's e-mail address with an Identity confirmation <paramref name="token"/>.</summary>
    public string EmailConfirmation(Guid userId, string token) =>
        To("Account/ConfirmEmail", [new("userId", userId.ToString()), new("code", Encode(token))]);

    /// <summary>The page that accepts an invitation to join a brand.</summary>
    public string Invitation(string token) => To($"invitations/{Uri.EscapeDataString(token)}");

    /// <summary>How a token travels in a link's <c>code</c> parameter (the account pages decode it).</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="value"/> is an absolute http(s) address without query or fragment.</summary>
    public static bool TryParseBase(string value, out Uri uri)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            && string.IsNullOrEmpty(parsed.Query) && string.IsNullOrEmpty(parsed.Fragment) && string.IsNullOrEmpty(parsed.UserInfo))
        {
            uri = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
            return true;
        }

        uri = default!;
        return false;
    }

    private static Uri Resolve(string? configured, IHostEnvironment environment)
    {
        var value = string.IsNullOrWhiteSpace(configured) && environment.IsDevelopment() ? PortalOptions.DevelopmentBaseUrl : configured ?? "";
        return TryParseBase(value, out var uri)
            ? uri
            : throw new OptionsValidationException(PortalOptions.Section, typeof(PortalOptions), [$"Setting 'Portal:PublicBaseUrl' is not a valid address: '{value}'."]);
    }
}
