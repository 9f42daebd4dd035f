using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Providers;

namespace Portal.Core.Features.Metrics;

/// <summary>
/// Writes the audited <see cref="MetricsImportRecord"/>s of one import, one per brand it touched, inside the rows'
/// transaction (<see cref="MetricsIngestionOptions.BeforeCommit"/>), so an import is never left without its trail:
/// for a person's CSV file (<see cref="MetricsCsvImport"/>) and for a batch a provider's API client pushed.
/// </summary>
public sealed class MetricsImportRecording(ApiClientBrandScopes clients, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Who made an import, as the record keeps it.</summary>
    internal sealed record Importer(Guid? UserId, string? ClientId, Guid? ProviderId);

    /// <summary>
    /// The records of an API batch by <paramref name="clientId"/>, when a service provider owns that client (it writes
    /// the figures its provider is scored on); null for the platform's own and brand-limited clients.
    /// </summary>
    public async Task<Func<PortalDbContext, CancellationToken, Task>?> ForApiClientAsync(
        string? clientId, IReadOnlyList<MetricRowInput> rows, CancellationToken cancellationToken)
    {
        if (await clients.OwnerOfAsync(clientId, cancellationToken) is not { Kind: ApiClientOwner.ProviderKind, References: [var code] })
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var providerId = await db.Providers.Where(p => p.Code == code).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var importer = new Importer(null, clientId, providerId);
        return (db, ct) => AddAsync(db, rows, (_, _) => Task.FromResult(importer), ct);
    }

    /// <summary>The records of a person's file: the provider is the one they acted for at the brand, if any.</summary>
    internal Func<PortalDbContext, CancellationToken, Task> ForPerson(Guid userId, IReadOnlyList<MetricRowInput> rows) =>
        (db, ct) => AddAsync(db, rows, async (brandId, c) => new Importer(userId, null, await Delegations.OnBehalfOfAsync(db, userId, brandId, clock, c)), ct);

    private async Task AddAsync(PortalDbContext db, IReadOnlyList<MetricRowInput> rows, Func<Guid, CancellationToken, Task<Importer>> importerAt, CancellationToken cancellationToken)
    {
        static string Code(MetricRowInput row) => row.Brand?.Trim().ToLowerInvariant() ?? ""; // as the batch validator reads it
        var codes = rows.Select(Code).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var brands = await db.Brands.Where(b => codes.Contains(b.Code)).Select(b => new { b.Id, b.Code }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var brand in brands)
        {
            var days = rows.Where(r => Code(r) == brand.Code).ToList();
            var dates = days.Select(r => DateOnly.TryParseExact(r.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null).OfType<DateOnly>().ToList();
            var importer = await importerAt(brand.Id, cancellationToken);
            db.MetricsImportRecords.Add(new MetricsImportRecord
            {
                BrandId = brand.Id,
                Rows = days.Count,
                FirstDate = dates.Count > 0 ? dates.Min() : null,
                LastDate = dates.Count > 0 ? dates.Max() : null,
                ImportedByUserId = importer.UserId,
                ImportedByClientId = importer.ClientId,
                ImportedByProviderId = importer.ProviderId,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
