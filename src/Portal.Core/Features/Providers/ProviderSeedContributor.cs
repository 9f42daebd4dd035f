using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;

namespace Portal.Core.Features.Providers;

/// <summary>
/// The demo's two providers: Farsail (mid-size; <see cref="DemoData.ProviderManagerEmail"/> manages it) serves Cloud Tea
/// with stream plans, STEPS tasks and metrics import, never Silver Moon; Xiaoman (small) serves two portfolio brands.
/// Farsail serves six brands (Cloud Tea and five portfolio brands) only when the demo portfolio is seeded
/// (<c>Seed:DemoBrandCount</c> &gt; 0); otherwise it serves Cloud Tea only, and Xiaoman none.
/// </summary>
internal sealed class ProviderSeedContributor(UserManager<PortalUser> users, IOptions<SeedOptions> options, TimeProvider clock) : ISeedContributor
{
    private const DelegatedArea CloudTeaAreas = DelegatedArea.StreamPlans | DelegatedArea.StepsTasks | DelegatedArea.MetricsImport;

    /// <summary>Farsail's portfolio brands, with the areas each handed it and the day (days before today) it started.</summary>
    private static readonly (string Code, DelegatedArea Areas, int StartedDaysAgo)[] FarsailBrands =
    [
        ("north-wind", DelegatedArea.StreamPlans | DelegatedArea.StepsTasks | DelegatedArea.MetricsImport | DelegatedArea.Messages, 150),
        ("jade-dew", DelegatedArea.StreamPlans | DelegatedArea.MetricsImport, 90),
        ("mist-peak-tea", DelegatedArea.StreamPlans | DelegatedArea.StepsTasks, 60),
        ("wild-berry", DelegatedArea.StepsTasks | DelegatedArea.Documents, 45),
        ("red-chili", DelegatedArea.StreamPlans | DelegatedArea.Messages, 30),
    ];

    private static readonly (string Code, DelegatedArea Areas, int StartedDaysAgo)[] XiaomanBrands =
    [
        ("golden-lotus", DelegatedArea.StreamPlans, 100),
        ("pine-home", DelegatedArea.StreamPlans | DelegatedArea.MetricsImport, 40),
    ];

    public Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        if (await db.Providers.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var farsail = new Provider
        {
            Code = DemoData.ProviderCode, NameZh = DemoData.ProviderNameZh, NameEn = DemoData.ProviderNameEn,
            CompanyName = "杭州远帆电子商务有限公司", ContactName = "周帆", ContactEmail = DemoData.ProviderManagerEmail, ContactPhone = "+86 571 8600 1234",
            Capabilities = ProviderCapability.TrafficMarketing | ProviderCapability.StreamerIncubation | ProviderCapability.LiveOperations | ProviderCapability.Fulfilment,
            Status = ProviderStatus.Active, DecidedAt = now,
        };
        var xiaoman = new Provider
        {
            Code = DemoData.SmallProviderCode, NameZh = "小满电商", NameEn = "Xiaoman Commerce",
            CompanyName = "成都小满电子商务有限公司", ContactName = "刘满", ContactEmail = DemoData.SmallProviderManagerEmail,
            Capabilities = ProviderCapability.LiveOperations | ProviderCapability.SupplyChain,
            Status = ProviderStatus.Active, DecidedAt = now,
        };
        db.Providers.AddRange(farsail, xiaoman);

        var password = options.Value.DemoPassword;
        await AddMemberAsync(db, farsail, DemoData.ProviderManagerEmail, "远帆 运营经理 Zhou Fan", ProviderRole.Manager, password, now);
        await AddMemberAsync(db, farsail, DemoData.ProviderOperatorEmail, "远帆 主播运营 He Jia", ProviderRole.Operator, password, now);
        await AddMemberAsync(db, xiaoman, DemoData.SmallProviderManagerEmail, "小满 Liu Man", ProviderRole.Manager, password, now);

        Delegate(db, farsail, demo.DemoBrandId, CloudTeaAreas, today.AddDays(-120), demo.BrandManagerId, now);
        await DelegatePortfolioAsync(db, farsail, FarsailBrands, today, demo.OperatorId, now, cancellationToken);
        await DelegatePortfolioAsync(db, xiaoman, XiaomanBrands, today, demo.OperatorId, now, cancellationToken);
    }

    private async Task AddMemberAsync(PortalDbContext db, Provider provider, string email, string name, ProviderRole role, string password, DateTimeOffset now)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredCulture = PortalCultures.Chinese };
            Check(await users.CreateAsync(user, password), email);
        }

        if (!await users.IsInRoleAsync(user, PortalRoles.Provider))
        {
            Check(await users.AddToRoleAsync(user, PortalRoles.Provider), email);
        }

        db.ProviderMembers.Add(new ProviderMember { ProviderId = provider.Id, UserId = user.Id, Role = role, JoinedAt = now });
    }

    private static async Task DelegatePortfolioAsync(
        PortalDbContext db, Provider provider, (string Code, DelegatedArea Areas, int StartedDaysAgo)[] brands, DateOnly today, Guid fallbackGrantor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var codes = brands.Select(b => b.Code).ToList();
        var found = await db.Brands.Where(b => codes.Contains(b.Code)).Select(b => new { b.Id, b.Code }).ToDictionaryAsync(b => b.Code, b => b.Id, cancellationToken);
        foreach (var (code, areas, days) in brands)
        {
            if (found.TryGetValue(code, out var brandId))
            {
                // The brand's owner grants it; a brand seeded without members gets the demo operator, never a user who does not exist.
                var owner = await db.BrandMembers.Where(m => m.BrandId == brandId).OrderBy(m => m.Role).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(cancellationToken);
                Delegate(db, provider, brandId, areas, today.AddDays(-days), owner ?? fallbackGrantor, now);
            }
        }
    }

    private static void Delegate(PortalDbContext db, Provider provider, Guid brandId, DelegatedArea areas, DateOnly from, Guid grantedBy, DateTimeOffset now) =>
        db.BrandDelegations.Add(new BrandDelegation { BrandId = brandId, ProviderId = provider.Id, Areas = areas, StartsOn = from, GrantedByUserId = grantedBy, CreatedAt = now });

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
