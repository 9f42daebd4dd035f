using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Portfolio;

/// <summary>A category's names in both languages and its place in a list.</summary>
internal sealed record PortfolioCategoryName(string NameZh, string NameEn, int SortOrder);

/// <summary>
/// Every category's names for the portfolio's rows, which store only category ids.
/// Read once and cached until <see cref="PortfolioVersion"/> moves (any change of a category raises it),
/// so a page costs no category query while nothing changed. One instance lives in the singleton
/// <see cref="PortfolioQuery"/>.
/// </summary>
internal sealed class PortfolioCategoryNames
{
    // Replaced whole (a reference write), so concurrent readers never see a torn pair.
    private Cache? _cached;

    private sealed record Cache(long Version, IReadOnlyDictionary<Guid, PortfolioCategoryName> Names);

    /// <summary>Every category's names at <paramref name="version"/>, from the cache when it is that version's; a null version reads afresh.</summary>
    public async Task<IReadOnlyDictionary<Guid, PortfolioCategoryName>> ReadAsync(PortalDbContext db, long? version, CancellationToken cancellationToken)
    {
        if (version is { } v && v >= 0 && _cached is { } cached && cached.Version == v)
        {
            return cached.Names;
        }

        var names = (await db.Categories.AsNoTracking().Select(c => new { c.Id, c.NameZh, c.NameEn, c.SortOrder }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => new PortfolioCategoryName(c.NameZh, c.NameEn, c.SortOrder));
        if (version is { } current && current >= 0)
        {
            _cached = new Cache(current, names);
        }

        return names;
    }

    /// <summary>The names of the categories a row lists (its comma-separated ids); ids of deleted categories are skipped.</summary>
    public static IEnumerable<PortfolioCategoryName> Of(BrandPortfolioRow row, IReadOnlyDictionary<Guid, PortfolioCategoryName> names)
    {
        foreach (var part in row.CategoryIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(part, out var id) && names.TryGetValue(id, out var name))
            {
                yield return name;
            }
        }
    }
}
