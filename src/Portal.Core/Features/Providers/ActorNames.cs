using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Providers;

/// <summary>
/// Who did something for a brand: the person, and the provider they did it on behalf of as stored with the
/// record at the time (null: they acted as the brand's member, as staff, or before providers were stored).
/// </summary>
public readonly record struct ActorRef(Guid UserId, Guid? ProviderId);

/// <summary>
/// How a brand's pages name who did something: the person's name, followed by the name of the provider they acted
/// for ("He Jia · 远帆代运营"), so the brand sees which work its provider did. The provider is the one stored on the
/// record when the work was done (ADR 0032), never the person's provider today. The one place that decides it.
/// </summary>
public static class ActorNames
{
    /// <summary>Joins a person's name and their provider's name (none: the name alone).</summary>
    public static string Format(string personName, string? providerName) =>
        string.IsNullOrEmpty(providerName) ? personName : $"{personName} · {providerName}";

    /// <summary>The names of <paramref name="actors"/> as a brand's page shows them, in the reader's language.</summary>
    public static async Task<IReadOnlyDictionary<ActorRef, string>> ResolveAsync(PortalDbContext db, IEnumerable<ActorRef> actors, CancellationToken cancellationToken = default)
    {
        var wanted = actors.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<ActorRef, string>();
        }

        var userIds = wanted.Select(a => a.UserId).Distinct().ToList();
        var providerIds = wanted.Select(a => a.ProviderId).OfType<Guid>().Distinct().ToList();
        // Only the names are read (ToDictionaryAsync alone would read whole rows); no provider query when none acted.
        var people = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var providers = providerIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Providers.Where(p => providerIds.Contains(p.Id)).Select(p => new { p.Id, p.NameZh, p.NameEn })
                .ToDictionaryAsync(p => p.Id, p => ProviderNames.Display(CultureInfo.CurrentUICulture, p.NameZh, p.NameEn), cancellationToken);
        return wanted
            .Where(a => people.ContainsKey(a.UserId))
            .ToDictionary(a => a, a => Format(people[a.UserId], a.ProviderId is { } id ? providers.GetValueOrDefault(id) : null));
    }
}
