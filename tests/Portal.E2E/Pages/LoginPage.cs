using System.Text.RegularExpressions;

namespace Portal.E2E.Pages;

/// <summary>/Account/Login: a static (non-interactive) form, so it works without a circuit.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/Account/Login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Email => page.GetByLabel("E-mail", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator KeepMeSignedIn => page.GetByLabel("Keep me signed in");

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    /// <summary>The form-level error (wrong password and the like), announced as an alert.</summary>
    public ILocator ErrorText => page.GetByRole(AriaRole.Alert);

    public async Task GoToAsync() => await page.GotoAsync(Path.TrimStart('/'));

    /// <summary>Fills in the form in English and submits it; the caller checks where it lands.</summary>
    public async Task SignInAsync(string email, string password, bool keepSignedIn = false)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await KeepMeSignedIn.SetCheckedAsync(keepSignedIn);
        await SignInButton.ClickAsync();
    }

    /// <summary>Opens the login page and signs in, waiting until the login page is left.</summary>
    public async Task SignInFromStartAsync(string email, string password)
    {
        await GoToAsync();
        await SignInAsync(email, password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
    }

    /// <summary>Follows a language link in the header; <paramref name="language"/> is its text, such as "中文".</summary>
    public async Task SwitchLanguageAsync(string language) =>
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = language, Exact = true }).ClickAsync();
}
