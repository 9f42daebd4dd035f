using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cluster;

/// <summary>
/// A brand's owner revokes a provider through node A; a provider's page open on node B hears it (the
/// brand-access update BrandScope listens to) and, reading again on node B, no longer finds the brand.
/// </summary>
[Trait("Kind", "Postgres")]
public sealed class DelegationRevocationAcrossNodesTests(ClusterNodes nodes) : IClassFixture<ClusterNodes>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [PostgresFact]
    public async Task RevokedThroughNodeA_PageOnNodeBHearsIt_AndLosesTheBrand()
    {
        var code = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var ownerEmail = code + "@example.com";
        var brandId = await TestBrands.CreateWithOwnerAsync(nodes.A, code, ownerEmail, nameEn: "Brand " + code, nameZh: "集群品牌");
        var owner = await nodes.A.PrincipalAsync(ownerEmail);
        var provider = await nodes.B.PrincipalAsync(DemoData.SmallProviderManagerEmail);
        var xiaoman = await nodes.A.WithDbAsync(db => db.Providers.Where(p => p.Code == DemoData.SmallProviderCode).Select(p => p.Id).SingleAsync());
        var delegations = nodes.A.Services.GetRequiredService<BrandDelegationService>();
        var today = PlatformTime.DayOf(nodes.A.Clock.GetUtcNow());
        (await delegations.GrantAsync(owner, code, new GrantDelegationRequest(xiaoman, DelegatedArea.StreamPlans, today, null))).Errors.ShouldBeEmpty();
        var id = await nodes.A.WithDbAsync(db => db.BrandDelegations.Where(d => d.BrandId == brandId).Select(d => d.Id).SingleAsync());
        (await nodes.B.Services.GetRequiredService<BrandDirectory>().FindAccessibleAsync(provider, code)).ShouldNotBeNull();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = nodes.B.Services.GetRequiredService<ILiveUpdates>().Listen(BrandDelegationService.LiveKind, key =>
        {
            if (key == brandId.ToString("D"))
            {
                heard.TrySetResult();
            }
        });

        (await delegations.RevokeAsync(owner, code, id)).Errors.ShouldBeEmpty();

        await heard.Task.WaitAsync(Patience);
        (await nodes.B.Services.GetRequiredService<BrandDirectory>().FindAccessibleAsync(provider, code)).ShouldBeNull();
    }
}
