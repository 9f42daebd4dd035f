using System.Text.RegularExpressions;

namespace Portal.E2E.Pages;

/// <summary>
/// One page a sweep opens: its address, whether it is a static account page (no circuit to wait for), and whether it
/// is an error page (403, 404): loaded afresh even from an interactive page, since a full load answers differently
/// from the router's, and not checked for being the page asked for.
/// </summary>
public sealed record SweptPage(string Path, bool Static = false, bool Error = false);

/// <summary>
/// The main pages of each kind of person, for the journeys that open every page in turn (accessibility,
/// phone layout). Addresses of things the demo creates (a stream plan) are looked up on the way.
/// </summary>
public static partial class PageSweep
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    public static IReadOnlyList<SweptPage> BrandManager(string code, string? streamPath) =>
    [
        new("brand"),
        new($"brands/{code}"),
        new($"brands/{code}/application"),
        new($"brands/{code}/documents"),
        new($"brands/{code}/journey"),
        new($"brands/{code}/streams"),
        .. streamPath is null ? Array.Empty<SweptPage>() : [new SweptPage(streamPath)],
        new($"brands/{code}/streams/new"),
        new($"brands/{code}/dashboard"),
        new($"brands/{code}/dashboard/import"),
        new($"brands/{code}/members"),
        new($"brands/{code}/trust-card"),
        new($"brands/{code}/messages"),
        new($"brands/{code}/providers"),
        new("brands/new"),
        new("providers/apply"),
        new("notifications"),
        new("notifications/settings"),
    ];

    public static IReadOnlyList<SweptPage> Staff(string code) =>
    [
        new("ops"),
        new("ops/portfolio"),
        new("ops/applications"),
        new("ops/documents"),
        new($"ops/brands/{code}"),
        new($"ops/brands/{code}/comments"),
        new("ops/metrics/import"),
        new("ops/providers"),
        new("ops/providers/register"),
        new("ops/providers/farsail"),
    ];

    /// <summary>A provider's manager: their home, scorecard and people, and the delegated areas of a brand they serve.</summary>
    public static IReadOnlyList<SweptPage> Provider(string code) =>
    [
        new("provider"),
        new("provider/scorecard"),
        new("provider/people"),
        new($"brands/{code}/streams"),
        new($"brands/{code}/journey"),
        new($"brands/{code}/dashboard/import"),
    ];

    public static IReadOnlyList<SweptPage> Admin() =>
    [
        new("admin"),
        new("admin/users"),
        new("admin/clients"),
        new("admin/audit"),
        new("admin/categories"),
        new("admin/requirements"),
        new("admin/playbook"),
        new("admin/milestones"),
        new("admin/reasons"),
        new("admin/settings"),
        new("Account/ChangePassword", Static: true),
        new("Account/Manage/TwoFactorAuthentication", Static: true),
    ];

    public static IReadOnlyList<SweptPage> Anonymous() =>
    [
        new(""),
        new("Account/Login", Static: true),
        new("Account/Register", Static: true),
        new("Account/ForgotPassword", Static: true),
        new("Account/ResetPassword?code=Q0RF", Static: true),
        new("Account/AccessDenied", Static: true),
        new("no-such-page", Error: true),
    ];

    /// <summary>Switches the browser to <paramref name="culture"/> (the language cookie) and lands on the start page.</summary>
    public static async Task UseLanguageAsync(this IPage page, string culture) =>
        await page.GotoAsync($"culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri=%2F");

    /// <summary>
    /// Opens the page and waits until it is interactive (unless static) and has settled: its fonts and images loaded
    /// and its DOM quiet for half a second.
    /// Not Playwright's "network idle", which counts requests the browser has not marked finished: once on CI the
    /// circuit's WebSocket handshake stayed so after the circuit was up, and the wait ran out on a settled page.
    /// </summary>
    public static async Task OpenAsync(this IPage page, SweptPage swept)
    {
        await page.GotoAsync(swept.Path);
        if (!swept.Static)
        {
            await page.WaitUntilInteractiveAsync();
        }

        if (!await page.EvaluateAsync<bool>(Settled))
        {
            Console.WriteLine($"/{swept.Path} was still changing after 10 s; swept as it was");
        }
    }

    // The page's fonts and images loaded (or failed), then no change to its DOM for half a second: a page the circuit
    // is still loading (its data, a chart) keeps changing. Capped at 10 s; false when the cap was hit.
    private const string Settled = """
        () => new Promise(settled => {
          const cap = setTimeout(() => settled(false), 10000);
          Promise.all([
            document.fonts.ready,
            ...Array.from(document.images).filter(image => !image.complete)
              .map(image => new Promise(done => { image.addEventListener('load', done); image.addEventListener('error', done); })),
          ]).then(() => {
            let quiet;
            const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 500); });
            const done = () => { observer.disconnect(); clearTimeout(cap); settled(true); };
            observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            quiet = setTimeout(done, 500);
          });
        })
        """;

    /// <summary>
    /// Goes to the page the way a person moving around the portal does: from an interactive page, through the
    /// circuit's router (Blazor.navigateTo, as a click on a menu link), waiting until the old page's content has
    /// gone, the new one's has come and it has settled; otherwise, or for a static or error page, with a full load
    /// (<see cref="OpenAsync"/>). Either way what is checked next is the page as the circuit rendered it; the router's
    /// way skips a document load and a circuit start (about a second a page). Then, but for an error page, fails
    /// unless the browser is at the address asked for (not sent elsewhere) and the page was neither refused nor
    /// missing: a sweep must check the page it names.
    /// </summary>
    public static async Task VisitAsync(this IPage page, SweptPage swept)
    {
        if (swept.Static || swept.Error || !await page.EvaluateAsync<bool>(LeaveThroughRouter, "/" + swept.Path))
        {
            await page.OpenAsync(swept);
        }
        else
        {
            await Expect(page.Locator("#main [data-e2e-left]")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Expect(page.Locator("#main > div > :not([data-e2e-left])").First).ToBeAttachedAsync(new() { Timeout = 20_000 });
            if (!await page.EvaluateAsync<bool>(Settled))
            {
                Console.WriteLine($"/{swept.Path} was still changing after 10 s; swept as it was");
            }
        }

        if (!swept.Error)
        {
            // A page that is still loading its data (BrandScope's or the router's bar) has not yet said "not found", and
            // its skeleton is not what the sweeps check: one still loading after 20 s fails the sweep.
            await Expect(page.Locator("#main .mud-progress-indeterminate")).ToHaveCountAsync(0, new() { Timeout = 20_000 });

            (await page.EvaluateAsync<string>("() => location.pathname + location.search")).ShouldBe("/" + swept.Path, $"the sweep asked for /{swept.Path}");
            (await page.Locator("[data-testid=page-not-found], [data-testid=access-denied]").CountAsync())
                .ShouldBe(0, $"/{swept.Path} answered 'not found' or 'access denied' instead of the page");
            (await page.EvaluateAsync<string[]>(StrayBraces)).ShouldBeEmpty($"/{swept.Path} shows Razor's braces as text");
        }
    }

    // Lines of the page's text that are a lone brace: a Razor block closed once too often renders its "}" as text.
    private const string StrayBraces = """
        () => document.body.innerText.split('\n').map(line => line.trim()).filter(line => line === '{' || line === '}')
        """;

    // On an interactive page: marks what the page shows now (so its replacement can be told apart) and asks the
    // circuit's router for the new address. False, doing nothing, when the page is not interactive or is already at
    // that address (where the router would keep the page as it is, marks and all).
    private const string LeaveThroughRouter = """
        path => {
          if (document.documentElement.dataset.interactive !== 'true' || !window.Blazor) return false;
          if (location.pathname + location.search === path) return false;
          for (const element of document.querySelectorAll('#main > div > *')) element.setAttribute('data-e2e-left', '');
          Blazor.navigateTo(path);
          return true;
        }
        """;

    /// <summary>The address of the first stream plan listed on the brand's streams page, or null.</summary>
    public static async Task<string?> FirstStreamPathAsync(this IPage page, string code)
    {
        await page.GotoAsync($"brands/{code}/streams");
        await page.WaitUntilInteractiveAsync();
        foreach (var href in await page.Locator("a[href*='/streams/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            if (StreamId().IsMatch(href))
            {
                return href.TrimStart('/');
            }
        }

        return null;
    }

    [GeneratedRegex("/streams/[0-9a-f-]{36}$")]
    private static partial Regex StreamId();
}
