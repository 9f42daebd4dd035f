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
        var served = (await fixture.ServedBrandAsync(code)).Id;
        var heard = new ConcurrentBag<string>();
        using var listener = fixture.App.Services.GetRequiredService<ILiveUpdates>().Listen(BrandDelegationService.LiveKind, heard.Add);

        var outcome = await fixture.People.RemoveMemberAsync(await fixture.PrincipalAsync(manager), personId);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        heard.ShouldContain(served.ToString("D"));
    }
}
