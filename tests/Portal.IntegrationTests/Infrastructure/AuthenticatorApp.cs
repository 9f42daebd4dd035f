using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// What a person's authenticator app does with the key the portal shows: RFC 6238 codes (HMAC-SHA1,
/// 30-second steps, six digits), written here on their own so the tests do not check the portal's
/// code against itself. Codes are made at the app's clock (<see cref="PortalAppFactory.Clock"/>).
/// </summary>
public static partial class AuthenticatorApp
{
    public static string CodeAt(string sharedKey, DateTimeOffset at)
    {
        var key = Base32(sharedKey);
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The code the app shows now, by the portal's clock.</summary>
    public static string CodeNow(PortalAppFactory app, string sharedKey) => CodeAt(sharedKey, app.Clock.GetUtcNow());

    /// <summary>A six-digit code that is none of the codes valid around now.</summary>
    public static string WrongCode(PortalAppFactory app, string sharedKey)
    {
        var now = app.Clock.GetUtcNow();
        var valid = new[] { -60, -30, 0, 30, 60 }.Select(s => CodeAt(sharedKey, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(code => !valid.Contains(code));
    }

    /// <summary>Moves the portal's clock to the next 30-second step, so a new code is due (each code is accepted once).</summary>
    public static void NextCode(PortalAppFactory app) => app.Clock.MoveTo(app.Clock.GetUtcNow().AddSeconds(30));

    /// <summary>Turns two-factor sign-in on for the signed-in <paramref name="browser"/>; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(PortalAppFactory app, BrowserClient browser)
    {
        var key = await SharedKeyAsync(browser);
        var response = await browser.SubmitFormAsync("/Account/Manage/EnableAuthenticator", "enable-authenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = CodeNow(app, key),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = RecoveryCodes(await response.Content.ReadAsStringAsync());
        codes.Count.ShouldBe(10);
        return (key, codes);
    }

    /// <summary>The key the set-up page shows (grouped, lower case), as a person would type it into the app.</summary>
    public static async Task<string> SharedKeyAsync(BrowserClient browser)
    {
        var page = await browser.Http.GetStringAsync("/Account/Manage/EnableAuthenticator");
        var match = KeyPattern().Match(page);
        match.Success.ShouldBeTrue("the set-up page shows the key");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        [.. RecoveryCodePattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
