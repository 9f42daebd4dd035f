using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Brands;
using Portal.Core.Localization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Core.Features.Seeding;

/// <summary>
/// Creates what every database needs (the roles) and, where enabled, the demo accounts, brand and
/// feed client. Idempotent: running it again changes nothing.
/// </summary>
public sealed class DatabaseSeeder(
    PortalDbContext db,
    RoleManager<IdentityRole<Guid>> roles,
    UserManager<PortalUser> users,
    IOpenIddictApplicationManager applications,
    IEnumerable<ISeedContributor> contributors,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DatabaseSeeder> logger)
{
    public bool DemoDataEnabled => options.Value.DemoData ?? environment.IsDevelopment();

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }

        foreach (var contributor in contributors)
        {
            await contributor.SeedReferenceDataAsync(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!DemoDataEnabled)
        {
            return;
        }

        var password = options.Value.DemoPassword;
        var manager = await EnsureUserAsync(DemoData.BrandManagerEmail, "云茶品牌经理 Lin Yun", PortalRoles.BrandManager, password, PortalCultures.Chinese);
        var @operator = await EnsureUserAsync(DemoData.OperatorEmail, "SKA 运营 Zhao Min", PortalRoles.SkaOperator, password, PortalCultures.Chinese);
        var admin = await EnsureUserAsync(DemoData.AdminEmail, "Portal Admin", PortalRoles.Admin, password, PortalCultures.English);

        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Code == DemoData.BrandCode, cancellationToken);
        if (brand is null)
        {
            brand = new Brand { Code = DemoData.BrandCode, NameZh = DemoData.BrandNameZh, NameEn = DemoData.BrandNameEn };
            db.Brands.Add(brand);
        }

        if (!await db.BrandMembers.AnyAsync(m => m.BrandId == brand.Id && m.UserId == manager.Id, cancellationToken))
        {
            db.BrandMembers.Add(new BrandMember { BrandId = brand.Id, UserId = manager.Id, Role = BrandMemberRole.Owner, JoinedAt = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken);
        await EnsureFeedClientAsync(cancellationToken);

        var demo = new DemoSeedContext(brand.Id, manager.Id, @operator.Id, admin.Id);
        foreach (var contributor in contributors)
        {
            await contributor.SeedDemoDataAsync(db, demo, cancellationToken);
            // Saved one by one, so a contributor can query what an earlier one created (documents need Silver Moon).
            await db.SaveChangesAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<PortalUser> EnsureUserAsync(string email, string displayName, string role, string password, string culture)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, PreferredCulture = culture };
            Check(await users.CreateAsync(user, password), email);
            logger.LogInformation("Created demo account {Email}", email);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), email);
        }

        return user;
    }

    private async Task EnsureFeedClientAsync(CancellationToken cancellationToken)
    {
        await EnsureFeedClientAsync(DemoData.FeedClientId, DemoData.FeedClientSecret, "Demo data feed", ApiClientOwner.Platform, cancellationToken);
        await EnsureFeedClientAsync(DemoData.BrandFeedClientId, DemoData.BrandFeedClientSecret, "Demo Cloud Tea feed", ApiClientOwner.Brands([DemoData.BrandCode]), cancellationToken);
    }

    private async Task EnsureFeedClientAsync(string clientId, string secret, string name, ApiClientOwner owner, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + PortalScopes.MetricsWrite,
                Permissions.Prefixes.Scope + PortalScopes.MetricsRead,
            },
            Properties = { [ApiClientOwner.PropertyName] = owner.ToJson() },
        };
        await applications.CreateAsync(descriptor, cancellationToken);
        logger.LogInformation("Created demo API client {ClientId}", clientId);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding '{what}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
