using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Brands;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Components.Journey;

/// <summary>One real app (SQLite, seeded) shared by a test class; each test makes a brand of its own.</summary>
public sealed class JourneyAppFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    /// <summary>A new brand owned by a new brand manager; returns the brand as its owner sees it and the owner's claims.</summary>
    public async Task<(BrandSummary Brand, Claim[] OwnerClaims)> NewBrandAsync()
    {
        var code = "tea-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{code}@example.com";
        var brandId = await TestBrands.CreateWithOwnerAsync(App, code, email, "Test Tea", "测试茶");
        var ownerId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (new BrandSummary(brandId, code, "测试茶", "Test Tea", BrandMemberRole.Owner), [new Claim(ClaimTypes.NameIdentifier, ownerId.ToString())]);
    }

    public Task InitializeAsync()
    {
        _ = App.Services; // starts the host: migrations and seeding
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
