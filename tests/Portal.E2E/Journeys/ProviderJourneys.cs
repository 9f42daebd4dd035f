using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class ProviderJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    private const string Xiaoman = "Xiaoman Commerce";

    [Fact]
    public Task Owner_AuthorisesAProvider_ItsPersonPlansAStream_TheBrandSeesWhoPlannedIt_RevokingTakesTheBrandFromTheirOpenPage() =>
        RunAsync(async (owner, agency) =>
        {
            // The owner authorises the small provider Xiaoman for stream plans only.
            await new LoginPage(owner).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
            var providers = new BrandProvidersPage(owner);
            await providers.GoToAsync(DemoAccounts.BrandCode);
            await providers.AuthoriseAsync(Xiaoman, "Stream plans");
            await Expect(providers.Success).ToContainTextAsync("The provider was authorised.");
            await Expect(providers.Row(Xiaoman)).ToBeVisibleAsync();

            // Xiaoman's manager, in a browser of their own, finds Cloud Tea on their home and plans a stream.
            await new LoginPage(agency).SignInFromStartAsync(DemoAccounts.SmallProviderManager, DemoAccounts.Password);
            await Expect(agency).ToHaveURLAsync(new Regex("/provider$"));
            await Expect(new ProviderHomePage(agency).Brands).ToHaveTextAsync([DemoAccounts.BrandNameEn]);
            var streams = new StreamsPage(agency);
            await streams.GoToAsync(DemoAccounts.BrandCode);
            await streams.PlanAsync(DemoAccounts.BrandCode, "Xiaoman spring tea night", "Liu Man");
            var plan = agency.Url;

            // The brand sees who planned it: the person and their provider.
            await owner.GotoAsync(plan);
            await Expect(owner.GetByTestId("plan-planned-by")).ToHaveTextAsync($"Planned by {DemoAccounts.SmallProviderManagerName} · {Xiaoman}");

            // With the provider's calendar open, the owner revokes; the open page loses the brand without a reload.
            await streams.GoToAsync(DemoAccounts.BrandCode);
            await Expect(agency.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(DemoAccounts.BrandNameEn);
            await providers.GoToAsync(DemoAccounts.BrandCode);
            await providers.RevokeAsync(Xiaoman);
            await Expect(providers.Success).ToContainTextAsync("revoked");
            await Expect(agency.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
            await Expect(agency.GetByText(DemoAccounts.BrandNameEn)).ToHaveCountAsync(0);
            (await agency.GotoAsync(plan))!.Status.ShouldBe(404);
        });
}
