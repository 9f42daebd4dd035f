using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Creates brands, their managers and staff for tests, e.g. a second brand whose members must not see the demo brand.</summary>
public static class TestBrands
{
    public const string Password = "Portal!2026";

    /// <summary>Creates a brand manager (password <see cref="Password"/>) who owns a new brand; returns the brand's id.</summary>
    public static async Task<Guid> CreateWithOwnerAsync(PortalAppFactory app, string code, string ownerEmail, string nameEn = "Other brand", string nameZh = "其他品牌")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var owner = await users.FindByEmailAsync(ownerEmail);
        if (owner is null)
        {
            owner = new PortalUser { UserName = ownerEmail, Email = ownerEmail, DisplayName = ownerEmail };
            (await users.CreateAsync(owner, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(owner, PortalRoles.BrandManager)).Succeeded.ShouldBeTrue();
        }

        return await app.WithDbAsync(async db =>
        {
            var brand = new Brand { Code = code, NameZh = nameZh, NameEn = nameEn };
            db.Brands.Add(brand);
            db.BrandMembers.Add(new BrandMember { BrandId = brand.Id, UserId = owner.Id, Role = BrandMemberRole.Owner });
            await db.SaveChangesAsync();
            return brand.Id;
        });
    }

    /// <summary>Creates an SKA operator (password <see cref="Password"/>) and returns them signed in, as the app's principal factory makes them.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal> CreateStaffAsync(PortalAppFactory app, string email, string displayName)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = displayName };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, PortalRoles.SkaOperator)).Succeeded.ShouldBeTrue();
        }

        return await app.PrincipalAsync(email);
    }
}
