using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Providers;

/// <summary>
/// How a brand's pages name who did something: the person's name, followed by their provider's name when they
/// work for one ("He Jia · 远帆代运营"), so the brand sees which work its provider did. The one place that decides it.
/// </summary>
public static class ActorNames
{
    /// <summary>Joins a person's name and their provider's name (none: the name alone).</summary>
    public static string Format(string personName, string? providerName) =>
        string.IsNullOrEmpty(providerName) ? personName : $"{personName} · {providerName}";

    /// <summary>The names of <paramref name="userIds"/> as a brand's page shows them, in the reader's language.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ResolveAsync(PortalDbContext db, IEnumerable<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var rows = await (
                from user in db.Users.AsNoTracking()
                where ids.Contains(user.Id)
                join member in db.ProviderMembers on user.Id equals member.UserId into memberships
                from member in memberships.DefaultIfEmpty()
                join provider in db.Providers on member.ProviderId equals provider.Id into providers
                from provider in providers.DefaultIfEmpty()
                select new { user.Id, user.DisplayName, NameZh = provider == null ? null : provider.NameZh, NameEn = provider == null ? null : provider.NameEn })
            .ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        return rows
            .GroupBy(r => r.Id)
            .ToDictionary(g => g.Key, g =>
            {
                var row = g.First();
                return Format(row.DisplayName, row.NameZh is null ? null : ProviderNames.Display(culture, row.NameZh, row.NameEn ?? row.NameZh));
            });
    }
}
