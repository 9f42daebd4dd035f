using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Documents;
using Portal.UnitTests.Infrastructure;

namespace Portal.UnitTests.Cluster;

/// <summary>What the web nodes share besides live updates: the data-protection key ring (in PostgreSQL) and the documents folder.</summary>
[Trait("Kind", "Postgres")]
public sealed class SharedStateAcrossNodesTests(ClusterNodes nodes) : IClassFixture<ClusterNodes>
{
    [PostgresFact]
    public void DataProtection_PayloadProtectedOnNodeA_IsReadOnNodeB()
    {
        const string purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";
        var sealedOnA = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("circuit and cookie secrets");

        var readOnB = nodes.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(sealedOnA);

        readOnB.ShouldBe("circuit and cookie secrets");
    }

    [PostgresFact]
    public async Task Document_StoredByBothNodesAtOnce_IsKeptOnceAndReadFromEither()
    {
        var content = SimplePdf.WithText($"Certificate {Guid.NewGuid():N}");
        var onA = nodes.A.Services.GetRequiredService<DocumentStorage>();
        var onB = nodes.B.Services.GetRequiredService<DocumentStorage>();

        var stored = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? onA : onB).StoreAsync(new MemoryStream(content)))));

        stored.ShouldAllBe(outcome => outcome.Succeeded);
        var hash = stored.Select(outcome => outcome.Value!.Hash).Distinct().ShouldHaveSingleItem();
        Directory.GetFiles(onA.Root, hash + "*", SearchOption.AllDirectories).ShouldHaveSingleItem("one file per content");
        Directory.GetFiles(Path.Combine(onA.Root, ".incoming")).ShouldBeEmpty("no temporary file left behind");
        await using var read = onB.Open(hash).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(content);
    }
}
