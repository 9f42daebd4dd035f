using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// One app (real database, demo seed, no job server) for a delegation test class: Cloud Tea (demo-tea) delegates
/// stream plans, STEPS tasks and metrics import to Farsail (provider@demo.test, provider-ops@demo.test); Silver Moon
/// (silver-moon) delegates nothing to it. Each test class gets its own app, so a class may revoke or move the clock.
/// </summary>
public sealed class DelegationApp : IAsyncLifetime
{
    public const string SilverMoon = "silver-moon";

    public DelegationApp() => App = new PortalAppFactory(settings: JourneyTestApp.NoJobs) { TestServices = Reads.Install };

    public PortalAppFactory App { get; }

    /// <summary>Holds back the app's reads carrying a value, for tests of answers that arrive late (<see cref="ReadGate"/>).</summary>
    public ReadGate Reads { get; } = new();

    public Guid DemoTeaId { get; private set; }

    public Guid SilverMoonId { get; private set; }

    public ClaimsPrincipal Owner { get; private set; } = new();

    public ClaimsPrincipal Staff { get; private set; } = new();

    /// <summary>Farsail's manager.</summary>
    public ClaimsPrincipal Provider { get; private set; } = new();

    /// <summary>Xiaoman's manager: serves no brand made by a test until a test delegates to it.</summary>
    public ClaimsPrincipal Provider2 { get; private set; } = new();

    public Guid FarsailId { get; private set; }

    public Guid XiaomanId { get; private set; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        DemoTeaId = await App.DemoBrandIdAsync();
        SilverMoonId = await App.WithDbAsync(db => db.Brands.Where(b => b.Code == SilverMoon).Select(b => b.Id).SingleAsync());
        FarsailId = await App.WithDbAsync(db => db.Providers.Where(p => p.Code == DemoData.ProviderCode).Select(p => p.Id).SingleAsync());
        XiaomanId = await App.WithDbAsync(db => db.Providers.Where(p => p.Code == DemoData.SmallProviderCode).Select(p => p.Id).SingleAsync());
        Owner = await App.PrincipalAsync(DemoData.BrandManagerEmail);
        Staff = await App.PrincipalAsync(DemoData.OperatorEmail);
        Provider = await App.PrincipalAsync(DemoData.ProviderManagerEmail);
        Provider2 = await App.PrincipalAsync(DemoData.SmallProviderManagerEmail);
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();

    /// <summary>A new brand with its own owner (no delegation yet).</summary>
    public async Task<(string Code, Guid Id, ClaimsPrincipal Owner)> NewBrandAsync(string prefix = "dlg")
    {
        var code = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var email = $"{code}@example.com";
        var id = await TestBrands.CreateWithOwnerAsync(App, code, email, code, "测试品牌");
        return (code, id, await App.PrincipalAsync(email));
    }

    /// <summary>A second brand of the owner of <paramref name="code"/> (a brand of <see cref="NewBrandAsync"/>), named by its code.</summary>
    public async Task<(string Code, Guid Id)> SecondBrandAsync(string code)
    {
        var second = $"{code}-2";
        return (second, await TestBrands.CreateWithOwnerAsync(App, second, $"{code}@example.com", nameEn: second));
    }

    /// <summary>The brand's owner grants Xiaoman <paramref name="areas"/> from today; returns the delegation's id.</summary>
    public async Task<Guid> GrantXiaomanAsync(string code, ClaimsPrincipal owner, DelegatedArea areas, DateOnly? endsOn = null)
    {
        var today = Portal.Core.PlatformTime.DayOf(App.Clock.GetUtcNow());
        var outcome = await Service<BrandDelegationService>().GrantAsync(owner, code, new GrantDelegationRequest(XiaomanId, areas, today, endsOn));
        outcome.Errors.ShouldBeEmpty();
        return await App.WithDbAsync(db => db.BrandDelegations.Where(d => d.ProviderId == XiaomanId)
            .Join(db.Brands, d => d.BrandId, b => b.Id, (d, b) => new { d, b.Code })
            .Where(x => x.Code == code && x.d.RevokedAt == null).Select(x => x.d.Id).SingleAsync());
    }
}
