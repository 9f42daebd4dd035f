using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>Removing a person from a provider tells every brand it serves, so the person's open brand pages re-check their access.</summary>
public sealed class ProviderRemovalLiveTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    [Fact]
    public async Task RemoveMember_TellsEveryServedBrand_OnTheBrandAccessKind()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var person = await fixture.NewPersonAsync("removed");
        var token = await fixture.InviteAsync(manager, person);
        var personId = await fixture.UserIdAsync(person);
        (await fixture.AcceptanceAsync(a => a.AcceptAsync(token, personId))).Succeeded.ShouldBeTrue();
        var providerId = await fixture.App.WithDbAsync(db => db.Providers.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
        var served = await ServedBrandAsync(providerId);
        var heard = new ConcurrentBag<string>();
        using var listener = fixture.App.Services.GetRequiredService<ILiveUpdates>().Listen(BrandDelegationService.LiveKind, heard.Add);

        var outcome = await fixture.People.RemoveMemberAsync(await fixture.PrincipalAsync(manager), personId);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        heard.ShouldContain(served.ToString("D"));
    }

    private async Task<Guid> ServedBrandAsync(Guid providerId)
    {
        var brandCode = $"rm-{Guid.NewGuid():N}"[..20];
        var ownerEmail = $"{brandCode}@example.com";
        var brandId = await TestBrands.CreateWithOwnerAsync(fixture.App, brandCode, ownerEmail, brandCode, "测试品牌");
        var today = PlatformTime.DayOf(fixture.App.Clock.GetUtcNow());
        var granted = await fixture.App.Services.GetRequiredService<BrandDelegationService>().GrantAsync(
            await fixture.PrincipalAsync(ownerEmail), brandCode, new GrantDelegationRequest(providerId, DelegatedArea.StreamPlans, today, null));
        granted.Errors.ShouldBeEmpty();
        return brandId;
    }
}
