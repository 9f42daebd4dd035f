namespace Portal.E2E.Pages;

/// <summary>/Account/Register: a new brand manager creates an account (static form).</summary>
public sealed class RegisterPage(IPage page)
{
    public const string Path = "/Account/Register";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ErrorText => page.GetByRole(AriaRole.Alert);

    public async Task GoToAsync() => await page.GotoAsync(Path.TrimStart('/'));

    public async Task RegisterFromStartAsync(string name, string email, string password)
    {
        await GoToAsync();
        await RegisterAsync(name, email, password);
    }

    /// <summary>Registers, then signs in: registration itself only says to check the mail (it answers a known address alike).</summary>
    public async Task RegisterAndSignInAsync(string name, string email, string password)
    {
        await RegisterFromStartAsync(name, email, password);
        await page.GetByTestId("register-check-mail").WaitForAsync();
        await new LoginPage(page).SignInFromStartAsync(email, password);
    }

    public async Task RegisterAsync(string name, string email, string password)
    {
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true }).ClickAsync();
    }
}
