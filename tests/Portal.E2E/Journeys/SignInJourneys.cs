using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class SignInJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task BrandManager_SigningIn_SeesTheirBrandHome() => RunAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GoToAsync();
        await login.SignInAsync(DemoAccounts.BrandManager, DemoAccounts.Password);

        var brandHome = new BrandHomePage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/brand$"));
        await Expect(brandHome.Heading).ToHaveTextAsync("My brand");
        var brand = brandHome.Brand(DemoAccounts.BrandNameEn);
        await Expect(brand.GetByRole(AriaRole.Heading, new() { Name = $"{DemoAccounts.BrandNameZh} · {DemoAccounts.BrandNameEn}" })).ToBeVisibleAsync();
        await Expect(brand.GetByText(DemoAccounts.BrandCode, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(brandHome.Shell.SignedInUser).ToHaveTextAsync(DemoAccounts.BrandManager);
        // A brand manager's menu has no staff entries: home, their brands, and the current brand's sections.
        await Expect(brandHome.Shell.NavLinks).ToHaveTextAsync(
            ["Home", "My brand", "Overview", "Dashboard", "Application", "Qualifications", "STEPS journey", "Live streams", "Trust card", "Members", "Messages", "Providers", "Apply as a service provider"]);
    });

    [Fact]
    public Task BrandManager_SigningOut_IsBackOnTheAnonymousHome() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var shell = new ShellPage(page);
        await Expect(shell.SignedInUser).ToHaveTextAsync(DemoAccounts.BrandManager);

        await shell.SignOutAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(shell.Heading).ToHaveTextAsync("Grow your brand with STEPS");
        await Expect(shell.SignedInUser).ToHaveCountAsync(0);
        await Expect(shell.NavLinks).ToHaveTextAsync(["Home", "Sign in", "Register"]);
    });

    [Fact]
    public Task SignIn_WithWrongPassword_ShowsErrorAndStaysOnLogin() => RunAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GoToAsync();
        await login.SignInAsync(DemoAccounts.BrandManager, "not-the-password");

        await Expect(login.ErrorText).ToContainTextAsync("The e-mail or password is wrong");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await Expect(login.Heading).ToHaveTextAsync("Sign in");
        await Expect(login.Email).ToHaveValueAsync(DemoAccounts.BrandManager);
    });
}
