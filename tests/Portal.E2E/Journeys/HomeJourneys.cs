namespace Portal.E2E.Journeys;

public sealed class HomeJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task Anonymous_OpeningHome_SeesTheFiveStepsAreas() => RunAsync(async page =>
    {
        var home = new HomePage(page);
        await home.GoToAsync();

        await Expect(home.Heading).ToHaveTextAsync("Grow your brand with STEPS");
        foreach (var area in new[] { "Influencer distribution", "Public traffic boost", "Brand self-streaming", "Private-domain repurchase", "Channel-exclusive SKUs" })
        {
            await Expect(home.Area(area)).ToBeVisibleAsync();
        }

        await Expect(home.Shell.NavLink("Register")).ToBeVisibleAsync();
        await Expect(home.Shell.SignedInUser).ToHaveCountAsync(0);
    });
}
