using Microsoft.Playwright;
using Portal.Screenshots;

// Usage: Portal.Screenshots <base-url> <output-folder> [name|account|path|width|culture ...]
// Without shots, takes the README's (Shots.Readme). The account is a demo e-mail, or "-" for signed out.
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: Portal.Screenshots <base-url> <output-folder> [name|account|path|width|culture ...]");
    return 2;
}

var baseUrl = args[0].TrimEnd('/') + "/";
var output = Directory.CreateDirectory(args[1]).FullName;
var shots = args.Length > 2 ? args.Skip(2).Select(Shot.Parse).ToList() : Shots.Readme;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_E2E_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

foreach (var shot in shots)
{
    var file = Path.Combine(output, shot.Name + ".png");
    await new Photographer(browser, baseUrl).TakeAsync(shot, file);
    Console.WriteLine($"{file}  ({shot.Account} {shot.Culture} {shot.Width} px, /{shot.Path})");
}

return 0;
