using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Journey;

/// <summary>Shortcuts over a real app for the journey's tests: its services, users and the playbook's codes.</summary>
internal static class JourneyTestApp
{
    public static Dictionary<string, string?> NoJobs => new() { ["Jobs:RunServer"] = "false" };

    public static JourneyService Journey(this PortalAppFactory app) => app.Services.GetRequiredService<JourneyService>();

    public static GrowthPathService Growth(this PortalAppFactory app) => app.Services.GetRequiredService<GrowthPathService>();

    public static Task<Guid> UserIdAsync(this PortalAppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<Guid> DemoBrandIdAsync(this PortalAppFactory app) =>
        app.WithDbAsync(db => db.Brands.Where(b => b.Code == "demo-tea").Select(b => b.Id).SingleAsync());

    public static async Task<ClaimsPrincipal> PrincipalAsync(this PortalAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>The default playbook's codes in one area, by sort order.</summary>
    public static IReadOnlyList<string> Codes(StepsArea area) =>
        JourneyPlaybook.Defaults().Where(t => t.Area == area).OrderBy(t => t.SortOrder).Select(t => t.Code).ToList();

    public static Task<BrandTask?> RowAsync(this PortalAppFactory app, Guid brandId, string code) =>
        app.WithDbAsync(db => db.BrandTasks.AsNoTracking()
            .Join(db.PlaybookTasks, t => t.PlaybookTaskId, p => p.Id, (t, p) => new { t, p.Code })
            .Where(x => x.t.BrandId == brandId && x.Code == code)
            .Select(x => x.t)
            .SingleOrDefaultAsync());
}
