using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Audit;

/// <summary>
/// Words for the ids an audit record holds, so a reader never meets a raw Guid: a brand by its name
/// in the reader's language, a person by e-mail, a category by its name. Unknown ids (a deleted
/// record, an API client) stay as they are.
/// </summary>
public sealed partial class AuditNames(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The names of every id in the rows' keys and changed values.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ForAsync(IEnumerable<AuditRow> rows, bool chinese, CancellationToken cancellationToken = default)
    {
        var ids = rows.SelectMany(r => AuditChanges.Read(r.Changes).SelectMany(c => new[] { c.Old, c.New }).Prepend(r.EntityKey))
            .SelectMany(text => Ids(text))
            .ToHashSet()
            .ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = new Dictionary<Guid, string>();
        foreach (var b in await db.Brands.AsNoTracking().Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.NameZh, b.NameEn }).ToListAsync(cancellationToken))
        {
            names[b.Id] = chinese ? b.NameZh : b.NameEn;
        }

        foreach (var c in await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.NameZh, c.NameEn }).ToListAsync(cancellationToken))
        {
            names[c.Id] = chinese ? c.NameZh : c.NameEn;
        }

        foreach (var u in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken))
        {
            names[u.Id] = u.Email ?? u.Id.ToString();
        }

        return names;
    }

    /// <summary><paramref name="text"/> with every id it holds replaced by its name (a composite key names each part).</summary>
    public static string? InWords(string? text, IReadOnlyDictionary<Guid, string> names) =>
        text is null ? null : Guids().Replace(text, m => names.TryGetValue(Guid.Parse(m.Value), out var name) ? name : m.Value);

    private static IEnumerable<Guid> Ids(string? text) =>
        text is null ? [] : Guids().Matches(text).Select(m => Guid.Parse(m.Value));

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
