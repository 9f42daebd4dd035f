using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class LanguageJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task BrandManager_SwitchingToChinese_SeesChineseEvenAfterReload() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var shell = new ShellPage(page);
        await Expect(shell.Heading).ToHaveTextAsync("My brand");
        await shell.OpenAccountMenuAsync();
        await Expect(shell.LanguageSwitch).ToHaveAccessibleNameAsync("中文");
        await Expect(page.GetByTestId("language-current")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByTestId("language-current")).ToContainTextAsync("English");

        await shell.SwitchLanguageAsync();

        await Expect(shell.Heading).ToHaveTextAsync("我的品牌");
        await Expect(shell.NavLinks).ToHaveTextAsync(
            ["首页", "我的品牌", "概览", "经营看板", "入驻申请", "资质证书", "STEPS 成长路径", "直播计划", "信任卡", "成员", "留言", "服务商", "申请成为服务商"]);
        await shell.OpenAccountMenuAsync();
        await Expect(shell.MenuItem("退出登录")).ToBeVisibleAsync();
        await Expect(shell.LanguageSwitch).ToHaveAccessibleNameAsync("English");
        await Expect(page.GetByTestId("language-current")).ToContainTextAsync("中文");

        // The choice is a cookie, not state of the page: a reload keeps it.
        await page.ReloadAsync();
        await Expect(shell.Heading).ToHaveTextAsync("我的品牌");
        await shell.OpenAccountMenuAsync();
        await Expect(shell.MenuItem("退出登录")).ToBeVisibleAsync();
    });

    [Fact]
    public Task LoginPage_ChineseLink_ShowsTheLoginPageInChinese() => RunAsync(async page =>
    {
        var login = new LoginPage(page);
        await login.GoToAsync();
        await Expect(login.Heading).ToHaveTextAsync("Sign in");

        await login.SwitchLanguageAsync("中文");

        await Expect(login.Heading).ToHaveTextAsync("登录");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await Expect(page.GetByLabel("电子邮箱", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
    });
}
