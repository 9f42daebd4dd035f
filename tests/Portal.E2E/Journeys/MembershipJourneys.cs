using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class MembershipJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task Owner_InvitesAColleague_WhoJoinsByTheEmailedLink_AndLosesAccessWhenRemoved() => RunAsync(async page =>
    {
        const string colleague = "li.na@example.test";
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var members = new MembersPage(page);
        await members.GoToAsync(DemoAccounts.BrandCode);
        await members.InviteAsync(colleague);
        await Expect(members.Success).ToContainTextAsync($"An invitation is on its way to {colleague}");

        // The colleague follows the link from the e-mail in a browser of their own.
        var email = await Server.WaitForEmailAsync(colleague);
        var link = Regex.Match(email, @"http\S+/invitations/\S+").Value;
        await using var colleagueContext = await Server.NewContextAsync();
        var colleaguePage = await colleagueContext.NewPageAsync();
        await colleaguePage.GotoAsync(link);
        await Expect(colleaguePage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join a brand");
        await colleaguePage.GetByLabel("Your name").FillAsync("Li Na");
        await colleaguePage.GetByLabel("Password", new() { Exact = true }).FillAsync("Tea-Leaf!2026");
        await colleaguePage.GetByLabel("Confirm password").FillAsync("Tea-Leaf!2026");
        await colleaguePage.GetByRole(AriaRole.Button, new() { Name = "Create account and join" }).ClickAsync();
        await Expect(colleaguePage).ToHaveURLAsync(new Regex($"/brands/{DemoAccounts.BrandCode}$"));
        await Expect(colleaguePage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(DemoAccounts.BrandNameEn);

        // The owner sees the new member and removes them; the colleague's next page load is refused.
        await members.GoToAsync(DemoAccounts.BrandCode);
        await Expect(members.Member(colleague)).ToContainTextAsync("Member");
        await members.RemoveAsync(colleague);
        await Expect(members.Success).ToContainTextAsync($"{colleague} no longer has access");
        var response = await colleaguePage.GotoAsync($"brands/{DemoAccounts.BrandCode}");
        response!.Status.ShouldBe(404);
        await Expect(colleaguePage.GetByText(DemoAccounts.BrandNameEn)).ToHaveCountAsync(0);
    });
}
