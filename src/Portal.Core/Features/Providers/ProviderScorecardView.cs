namespace Portal.Core.Features.Providers;

/// <summary>GMV of a provider's served brands in one platform month, counted only on days inside their delegation periods.</summary>
/// <param name="Month">The month's first day.</param>
public sealed record ProviderMonthGmv(DateOnly Month, decimal Gmv);

/// <summary>
/// A provider's scorecard, as of <see cref="Today"/> (a platform day). Work counts only where the provider served:
/// GMV, tier moves, tasks and stream plans on days inside the brand's delegation periods (<see cref="ServedPeriods"/>).
/// </summary>
/// <param name="BrandsServedNow">Brands with a delegation running today.</param>
/// <param name="BrandsServedEver">Brands served on at least one day up to today.</param>
/// <param name="Months">The last 12 platform months, oldest first, the current (partial) month last.</param>
/// <param name="TierMovesUp">Upward tier moves of served brands whose first day fell inside a period.</param>
/// <param name="TasksCompleted">STEPS tasks done by the provider's people on a day the brand was served.</param>
/// <param name="StreamsPlanned">Stream plans its people created on a day the brand was served.</param>
/// <param name="StreamsHeld">Of those, the ones held (<see cref="Streams.StreamStatus.Done"/>: results entered).</param>
/// <param name="DocumentsDecided">Documents its people uploaded that staff have decided on.</param>
/// <param name="MedianTurnaroundHours">Median hours from such an upload to the first staff decision; null when none was decided.</param>
/// <param name="YearGmv">GMV of served brands in the 365 days up to today, inside the periods.</param>
/// <param name="LevelSentence">Why the provider stands at <see cref="Level"/>, in the reader's language.</param>
public sealed record ProviderScorecardView(
    Guid ProviderId,
    string Code,
    string Name,
    DateOnly Today,
    int BrandsServedNow,
    int BrandsServedEver,
    IReadOnlyList<ProviderMonthGmv> Months,
    int TierMovesUp,
    int TasksCompleted,
    int StreamsPlanned,
    int StreamsHeld,
    int DocumentsDecided,
    double? MedianTurnaroundHours,
    decimal YearGmv,
    ProviderLevel Level,
    string LevelSentence);
