using System.Net;
using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP client that behaves like a browser on the static account pages: keeps cookies,
/// reads the antiforgery token from the form and posts it back.
/// </summary>
/// <remarks>Pass the <see cref="Cookies"/> of another client to go on with its session (after a restart, on another host).</remarks>
public sealed partial class BrowserClient(PortalAppFactory app, CookieContainer? cookies = null) : IDisposable
{
    public CookieContainer Cookies { get; } = cookies ??= new CookieContainer();

    public HttpClient Http { get; } = app.CreateDefaultClient(new CookieHandler(cookies));

    /// <summary>GETs <paramref name="page"/>, then posts its form named <paramref name="formName"/> with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string page, string formName, IDictionary<string, string> fields)
    {
        var html = await Http.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {page}");
        }

        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await Http.PostAsync(page, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password = "Portal!2026") =>
        SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => Http.Dispose();

    /// <summary>Keeps cookies across requests and does not follow redirects, so tests can see them.</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, cookie);
                }
            }

            return response;
        }
    }
}
