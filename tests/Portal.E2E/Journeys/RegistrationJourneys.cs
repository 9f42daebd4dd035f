using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class RegistrationJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task NewBrandManager_RegisteringThenSigningIn_LandsOnBrandHomeWithoutABrand() => RunAsync(async page =>
    {
        await new RegisterPage(page).RegisterAndSignInAsync("Wang Fang", "wang.fang@example.test", "Tea-Garden!2026");

        var brandHome = new BrandHomePage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/brand$"));
        await Expect(brandHome.Heading).ToHaveTextAsync("My brand");
        await Expect(brandHome.NoBrandMessage).ToBeVisibleAsync();
        await Expect(brandHome.Brand(DemoAccounts.BrandNameEn)).ToHaveCountAsync(0);
        await Expect(brandHome.Shell.SignedInUser).ToHaveTextAsync("wang.fang@example.test");
    });
}
