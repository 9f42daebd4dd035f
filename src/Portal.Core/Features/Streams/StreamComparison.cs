namespace Portal.Core.Features.Streams;

/// <summary>A stream's results set against its plan.</summary>
public sealed record StreamComparison(
    int PlannedMinutes,
    int ActualMinutes,
    decimal? GmvTarget,
    decimal Gmv,
    int Orders,
    int PeakViewers,
    int NewFans)
{
    /// <summary>Minutes streamed beyond (positive) or short of (negative) the plan.</summary>
    public int LengthDifference => ActualMinutes - PlannedMinutes;

    /// <summary>GMV beyond (positive) or short of (negative) the target; null without a target.</summary>
    public decimal? GmvDifference => GmvTarget is { } target ? Gmv - target : null;

    /// <summary>GMV as a share of the target (1 = reached); null without a positive target.</summary>
    public decimal? GmvAttainment => GmvTarget is { } target && target > 0 ? Math.Round(Gmv / target, 4) : null;

    /// <summary>Average order value in yuan; null without orders.</summary>
    public decimal? AverageOrderValue => Orders > 0 ? Math.Round(Gmv / Orders, 2) : null;

    /// <summary>The comparison for a plan with results; null before results are entered.</summary>
    public static StreamComparison? Of(StreamPlan plan) =>
        plan.Results is not { } r
            ? null
            : new(plan.PlannedMinutes, r.ActualMinutes, plan.GmvTarget, r.Gmv, r.Orders, r.PeakViewers, r.NewFans);
}
