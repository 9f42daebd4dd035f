using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Portal.Core.Options;

namespace Portal.Web.Auth;

/// <summary>Settings under <c>Auth</c>: the token server's keys and transport.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>PKCS#12 file whose private key signs access tokens. Required outside Development.</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>PKCS#12 file whose key encrypts access tokens. Required outside Development.</summary>
    public string? EncryptionCertificatePath { get; set; }

    public string? EncryptionCertificatePassword { get; set; }

    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// Refuse token requests over plain HTTP. Unset means on outside Development; it cannot be turned
    /// off there (behind a proxy that ends TLS, trust the proxy under ForwardedHeaders instead).
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>
    /// How often a signed-in person's account is checked again (security stamp, disabled): by an open
    /// interactive page and by the sign-in cookie. A disabled user loses access within this time.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether SKA operators and admins must sign in with an authenticator app: one without it is sent
    /// to set it up before any other page. Unset means on, except in Development (the demo and the
    /// end-to-end suites sign staff in with a password only).
    /// </summary>
    public bool? RequireTwoFactorForStaff { get; set; }

    /// <summary>
    /// Whether a self-registered person must open the link in the confirmation e-mail before signing in.
    /// Unset means on outside Development and off in Development (the demo and the browser suites).
    /// </summary>
    public bool? RequireConfirmedEmail { get; set; }

    /// <summary>Whether real certificates are configured (both paths set).</summary>
    public bool HasCertificates =>
        !string.IsNullOrWhiteSpace(SigningCertificatePath) && !string.IsNullOrWhiteSpace(EncryptionCertificatePath);
}

/// <summary>
/// Checks the token server's keys before the host is built: OpenIddict only looks at them on the
/// first token request, so without this a misconfigured Production app would start and fail later.
/// </summary>
internal sealed class AuthOptionsValidator(bool isDevelopment, string contentRoot) : SettingsValidator<AuthOptions>
{
    protected override void Check(AuthOptions options, Action<string, string> fail)
    {
        if (options.AccessTokenLifetimeMinutes is < 1 or > 24 * 60)
        {
            fail("Auth:AccessTokenLifetimeMinutes", "must be between 1 and 1440.");
        }

        if (options.RevalidationInterval < TimeSpan.FromSeconds(1) || options.RevalidationInterval > TimeSpan.FromMinutes(30))
        {
            fail("Auth:RevalidationInterval", "must be between 00:00:01 and 00:30:00.");
        }

        if (!isDevelopment && options.RequireHttps == false)
        {
            fail("Auth:RequireHttps", "cannot be false outside Development: tokens are issued over HTTPS only. Behind a proxy that ends TLS, list the proxy under ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks so its requests count as HTTPS.");
        }

        if (isDevelopment && !options.HasCertificates)
        {
            return; // Development uses OpenIddict's development certificates.
        }

        CheckCertificate(options.SigningCertificatePath, options.SigningCertificatePassword, "Auth:SigningCertificatePath", "signs access tokens", fail);
        CheckCertificate(options.EncryptionCertificatePath, options.EncryptionCertificatePassword, "Auth:EncryptionCertificatePath", "encrypts access tokens", fail);
    }

    private void CheckCertificate(string? path, string? password, string setting, string purpose, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            fail(setting, $"is required outside Development: it names the PKCS#12 (.pfx) certificate that {purpose}.");
            return;
        }

        var full = SettingsExtensions.ResolvePath(contentRoot, path);
        if (!File.Exists(full))
        {
            fail(setting, $"names a file that does not exist: {full}");
            return;
        }

        try
        {
            using var certificate = Load(full, password);
            if (!certificate.HasPrivateKey)
            {
                fail(setting, $"names a certificate without a private key: {full}");
            }
        }
        catch (CryptographicException ex)
        {
            fail(setting, $"could not be read as a PKCS#12 certificate (wrong password?): {ex.Message}");
        }
    }

    internal static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
}
