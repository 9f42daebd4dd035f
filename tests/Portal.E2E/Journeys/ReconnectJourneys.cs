namespace Portal.E2E.Journeys;

/// <summary>The reconnect dialog in a real browser: Blazor pauses the circuit, the portal's dialog says so in the page's language, and Continue resumes it.</summary>
public sealed class ReconnectJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task BrandManager_WhoseCircuitIsPaused_SeesTheChineseDialog_AndContinues() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var shell = new ShellPage(page);
        await shell.SwitchLanguageAsync();
        await Expect(shell.Heading).ToHaveTextAsync("我的品牌");
        var dialog = page.GetByTestId("reconnect-modal");
        await Expect(dialog).ToBeHiddenAsync();
        // The language switch reloads the page: its circuit must be up before there is one to pause.
        await page.WaitUntilInteractiveAsync();

        // What the server does to an idle page's circuit (.NET 10): the state is kept, the connection let go.
        (await page.EvaluateAsync<bool>("() => Blazor.pauseCircuit()")).ShouldBeTrue("Blazor paused no circuit");

        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("与平台的连接已断开");
        await Expect(dialog.GetByText("页面闲置期间，平台已暂停本次会话。")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "继续", Exact = true }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        // The resumed circuit answers: the account menu opens again, still in Chinese.
        await shell.OpenAccountMenuAsync();
        await Expect(shell.MenuItem("退出登录")).ToBeVisibleAsync();
    });
}
