using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Portal.Web.Components.Pages.Portfolio;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Notifications;
using PortfolioPage = Portal.Web.Components.Pages.Portfolio.PortfolioPage;

namespace Portal.IntegrationTests.Web.Components.Portfolio;

/// <summary>
/// The real portfolio page over the real query of an app with the demo data, opened as staff; each test creates
/// brands under a code prefix of its own and searches for it, so tests sharing the app do not see each other's.
/// </summary>
public abstract class PortfolioPageContext : PortalTestContext
{
    protected PortfolioPageContext(NotificationsApp fixture)
    {
        Fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<PortfolioQuery>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<PortfolioExports>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<Portal.Web.Infrastructure.CircuitSettings>());
        auth = AddAuthorization();
        // A circuit's page by default; the prerender's tests say otherwise (PortfolioFirstPageTests).
        ApplicationState = AddBunitPersistentComponentState();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private readonly BunitAuthorizationContext auth;

    /// <summary>What a prerender handed the circuit (Blazor's persisted component state).</summary>
    protected BunitPersistentComponentState ApplicationState { get; }

    protected NotificationsApp Fixture { get; }

    /// <summary>
    /// Runs the prerender's persisting callbacks, as the end of a prerender does, and returns the first page they
    /// handed over (null if none). bUnit's <c>TriggerOnPersisting</c> starts the persisting without awaiting it and
    /// restores at once, so a test could read the state before it was written (it failed so once on CI); this awaits both.
    /// </summary>
    private protected async Task<FirstPageState?> HandedOverAsync()
    {
        var manager = Services.GetRequiredService<ComponentStatePersistenceManager>();
        var store = new MemoryStateStore();
        await manager.PersistStateAsync(store, Renderer);
        await manager.RestoreStateAsync(store);
        return ApplicationState.TryTake<FirstPageState>(FirstPageState.Key, out var handed) ? handed : null;
    }

    private sealed class MemoryStateStore : IPersistentComponentStateStore
    {
        private IDictionary<string, byte[]> state = new Dictionary<string, byte[]>();

        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(state);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> persisted)
        {
            state = persisted.ToDictionary();
            return Task.CompletedTask;
        }
    }

    protected string Url => Services.GetRequiredService<BunitNavigationManager>().Uri;

    /// <summary>
    /// Creates <paramref name="brands"/> brands whose codes start with a new prefix (<paramref name="stem"/> and a
    /// random part), refreshes their portfolio rows as the job would (no job server here), signs staff in and opens
    /// the portfolio at <c>?q=prefix</c> plus <paramref name="query"/>.
    /// </summary>
    protected async Task<(IRenderedComponent<PortfolioPage> Page, string Prefix)> OpenWithBrandsAsync(string stem, int brands, string query = "")
    {
        var prefix = await NewBrandsAsync(stem, brands);
        return (await OpenAsync($"?q={prefix}{query}"), prefix);
    }

    /// <summary>Creates <paramref name="brands"/> brands under a new code prefix and refreshes their portfolio rows.</summary>
    protected async Task<string> NewBrandsAsync(string stem, int brands)
    {
        var prefix = $"{stem}{Guid.NewGuid():N}"[..(stem.Length + 8)];
        for (var i = 0; i < brands; i++)
        {
            await Fixture.NewBrandAsync(prefix);
        }

        await Fixture.App.Services.GetRequiredService<PortfolioRefreshQueue>().DrainAsync();
        return prefix;
    }

    /// <summary>Signs staff in and opens the portfolio at <paramref name="query"/>.</summary>
    protected async Task<IRenderedComponent<PortfolioPage>> OpenAsync(string query)
    {
        auth.SetAuthorized(DemoData.OperatorEmail);
        auth.SetRoles(PortalRoles.SkaOperator);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, (await Fixture.UserIdAsync(DemoData.OperatorEmail)).ToString()));
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo($"/ops/portfolio{query}");
        return Render<PortfolioPage>();
    }
}
