namespace Portal.Core.Features.Providers;

/// <summary>One stretch of platform days a provider served a brand: a delegation's start to its last day (both included).</summary>
public sealed record ServedPeriod(Guid BrandId, DateOnly From, DateOnly To)
{
    public bool Covers(DateOnly day) => From <= day && day <= To;
}

/// <summary>
/// The periods a provider served its brands up to a day, read from its <see cref="BrandDelegation"/>s: each runs from
/// <see cref="BrandDelegation.StartsOn"/> to its <see cref="BrandDelegation.LastDay"/> (its end, or the day it was
/// revoked), cut at today for one still running. A delegation revoked before it started covered nothing. Two
/// delegations of one brand may overlap; a day inside both counts once (<see cref="Covers"/> asks per day).
/// </summary>
public sealed class ServedPeriods
{
    private readonly ILookup<Guid, ServedPeriod> _byBrand;

    private ServedPeriods(IEnumerable<ServedPeriod> periods) => _byBrand = periods.ToLookup(p => p.BrandId);

    public static ServedPeriods Of(IEnumerable<BrandDelegation> delegations, DateOnly today) => new(
        delegations
            .Select(d => new ServedPeriod(d.BrandId, d.StartsOn, Min(d.LastDay ?? today, today)))
            .Where(p => p.From <= p.To));

    /// <summary>Every brand served on at least one day up to today.</summary>
    public IReadOnlyCollection<Guid> Brands => _byBrand.Select(g => g.Key).ToList();

    /// <summary>Whether the provider served <paramref name="brandId"/> on <paramref name="day"/>.</summary>
    public bool Covers(Guid brandId, DateOnly day) => _byBrand[brandId].Any(p => p.Covers(day));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
