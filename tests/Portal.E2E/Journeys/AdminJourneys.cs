using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class AdminJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    /// <summary>
    /// The E2E server revalidates every 3 seconds (Auth:RevalidationInterval, see PortalServer), so the
    /// open page of the disabled person must show the sign-in page well within this.
    /// </summary>
    private static readonly float SignedOutWithin = 15_000;

    [Fact]
    public Task Admin_DisablesAUser_WhoseOpenPageIsThenSignedOut() => RunAsync(async page =>
    {
        // The operator is at work in a browser of their own, on an interactive page.
        await using var operatorContext = await Server.NewContextAsync();
        var operatorPage = await operatorContext.NewPageAsync();
        await new LoginPage(operatorPage).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        await operatorPage.GotoAsync("ops");
        await operatorPage.WaitUntilInteractiveAsync();

        // The admin finds them and disables the account.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.Admin, DemoAccounts.Password);
        var users = new AdminUsersPage(page);
        await users.GoToAsync();
        await users.FindAsync("ska@");
        await Expect(page.Locator("tr.user-row")).ToHaveCountAsync(1);
        await Expect(users.Row(DemoAccounts.Admin)).ToHaveCountAsync(0);
        await users.DisableAsync(DemoAccounts.SkaOperator);
        await Expect(users.Success).ToContainTextAsync($"{DemoAccounts.SkaOperator} is disabled");
        await Expect(users.Row(DemoAccounts.SkaOperator).GetByTestId("user-status")).ToHaveTextAsync("Disabled");

        // The operator's open page is signed out without them doing anything, and signing in again is refused.
        await Expect(operatorPage).ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = SignedOutWithin });
        var login = new LoginPage(operatorPage);
        await login.SignInAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        // Refused like a wrong password: a separate lockout page would tell a guesser the account exists.
        await Expect(login.ErrorText).ToContainTextAsync("The e-mail or password is wrong");
        await Expect(operatorPage).ToHaveURLAsync(new Regex("/Account/Login"));

        // The change is in the audit log, by the admin.
        var audit = new AdminAuditPage(page);
        await audit.GoToAsync();
        var entry = audit.Rows.Filter(new() { HasText = "Account disabled" });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("Portal Admin");
    });

    [Fact]
    public Task Admin_FollowsARolesFigureOnTheHome_ToThoseAccountsOnly_AndTheAddressKeepsTheRoleChosen() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await page.GotoAsync("admin");
        await page.WaitUntilInteractiveAsync();

        // The home counts the accounts; it lists none of them.
        var providers = page.GetByTestId("account-count-Provider");
        await Expect(providers.GetByTestId("account-count-figure")).ToHaveTextAsync(new Regex(@"^[1-9][0-9]*$"));
        await Expect(page.GetByText(DemoAccounts.BrandManager)).ToHaveCountAsync(0);
        await providers.GetByRole(AriaRole.Link, new() { Name = "Service provider" }).ClickAsync();

        // The users list opens on that role: the provider's manager is there, the brand manager is not.
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/users\?role=Provider$"));
        var users = new AdminUsersPage(page);
        await Expect(users.Row(DemoAccounts.ProviderManager)).ToHaveCountAsync(1);
        await Expect(users.Row(DemoAccounts.BrandManager)).ToHaveCountAsync(0);

        // Another role from the list: the address follows it, so a reload lists the same people.
        await page.GetByTestId("users-role-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Administrator", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/users\?role=Admin$"));
        await Expect(users.Row(DemoAccounts.Admin)).ToHaveCountAsync(1);
        await Expect(users.Row(DemoAccounts.ProviderManager)).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(users.Row(DemoAccounts.Admin)).ToHaveCountAsync(1);
        await Expect(users.Row(DemoAccounts.ProviderManager)).ToHaveCountAsync(0);
        var roleSelect = page.Locator(".mud-select").Filter(new() { Has = page.GetByTestId("users-role-filter") }).First;
        await Expect(roleSelect).ToContainTextAsync("Administrator");

        // Cleared, the list shows everyone again and the address drops the role.
        await roleSelect.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/users$"));
        await Expect(users.Row(DemoAccounts.Admin)).ToHaveCountAsync(1);
        await Expect(users.Row(DemoAccounts.ProviderManager)).ToHaveCountAsync(1);
    });
}
