using System.Globalization;
using Microsoft.Playwright;

namespace Portal.Screenshots;

/// <summary>One screenshot: who is signed in ("-" for nobody), which page, how wide, in which language.</summary>
public sealed record Shot(string Name, string Account, string Path, int Width, string Culture)
{
    /// <summary>Parses <c>name|account|path|width|culture</c>.</summary>
    public static Shot Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length != 5)
        {
            throw new ArgumentException($"A shot is name|account|path|width|culture, not '{text}'.");
        }

        return new Shot(parts[0], parts[1], parts[2].TrimStart('/'), int.Parse(parts[3], CultureInfo.InvariantCulture), parts[4]);
    }
}

/// <summary>The README's screenshots (docs/screenshots/), from the Development demo data.</summary>
public static class Shots
{
    private const string Staff = "ska@demo.test";
    private const string BrandManager = "brand@demo.test";

    public static readonly List<Shot> Readme =
    [
        new("staff-portfolio", Staff, "ops/portfolio", 1440, "en"),
        new("brand-journey", BrandManager, "brands/demo-tea/journey", 1440, "en"),
        // Cloud Tea has four months of demo figures (Seed:DemoBrandFigures), so its manager sees charts.
        new("brand-dashboard", BrandManager, "brands/demo-tea/dashboard", 1440, "en"),
        new("brand-dashboard-zh", BrandManager, "brands/demo-tea/dashboard", 1440, "zh-CN"),
        new("brand-home", BrandManager, "brands/demo-tea", 1440, "zh-CN"),
        new("brand-home-phone", BrandManager, "brands/demo-tea", 390, "zh-CN"),
    ];
}

/// <summary>Signs in through the login form, picks the language and photographs one page once it has settled.</summary>
public sealed class Photographer(IBrowser browser, string baseUrl)
{
    private const string Password = "Portal!2026";

    public async Task TakeAsync(Shot shot, string file)
    {
        var phone = shot.Width < 600;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = shot.Width, Height = phone ? 844 : 900 },
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"culture/set?culture={Uri.EscapeDataString(shot.Culture)}&redirectUri=%2F");
        if (shot.Account != "-")
        {
            await page.GotoAsync("Account/Login");
            await page.Locator("input[type=email]").FillAsync(shot.Account);
            await page.Locator("input[type=password]").FillAsync(Password);
            await page.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        }

        await page.GotoAsync(shot.Path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (!shot.Path.StartsWith("Account/", StringComparison.OrdinalIgnoreCase))
        {
            await page.WaitForSelectorAsync("html[data-interactive='true']", new() { State = WaitForSelectorState.Attached });
        }

        // Charts and grids draw after the circuit's first render; give them a moment to finish.
        await page.WaitForTimeoutAsync(1_500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = !phone });
    }
}
