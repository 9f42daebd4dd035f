namespace Portal.Core.Features.Streams;

/// <summary>Whether one STAGE section is complete.</summary>
public sealed record SectionReadiness(StageSection Section, bool Complete);

/// <summary>
/// How ready a plan is: which of the five STAGE sections are complete. The rules:
/// <list type="bullet">
/// <item>Shaping: at least one product, every product named, and at least one Hero.</item>
/// <item>Timing: at least one segment, and the segments' minutes add up to the planned length.</item>
/// <item>Accurate flow: "no paid traffic" chosen, or a budget above zero with at least one tool.</item>
/// <item>Gifts: at least one item.</item>
/// <item>Early content: at least one warm-up video, or highlights written.</item>
/// </list>
/// </summary>
public sealed record StageReadiness(IReadOnlyList<SectionReadiness> Sections)
{
    public const int SectionCount = 5;

    public int CompleteCount => Sections.Count(s => s.Complete);

    public bool AllComplete => CompleteCount == SectionCount;

    public IReadOnlyList<StageSection> Incomplete => Sections.Where(s => !s.Complete).Select(s => s.Section).ToList();

    public bool IsSectionComplete(StageSection section) => Sections.Single(s => s.Section == section).Complete;

    public static StageReadiness Of(StreamPlan plan) => new(
    [
        new(StageSection.Shaping, IsComplete(plan.Shaping)),
        new(StageSection.Timing, IsComplete(plan.Timing, plan.PlannedMinutes)),
        new(StageSection.AccurateFlow, IsComplete(plan.Flow)),
        new(StageSection.Gifts, IsComplete(plan.Gifts)),
        new(StageSection.EarlyContent, IsComplete(plan.EarlyContent)),
    ]);

    public static bool IsComplete(ShapingSection section) =>
        section.Products.Count > 0
        && section.Products.All(p => !string.IsNullOrWhiteSpace(p.Name))
        && section.Products.Any(p => p.Role == ProductRole.Hero);

    public static bool IsComplete(TimingSection section, int plannedMinutes) =>
        section.Segments.Count > 0 && section.TotalMinutes == plannedMinutes;

    public static bool IsComplete(AccurateFlowSection section) =>
        section.NoPaidTraffic || (section.Budget > 0 && section.Tools != TrafficTools.None);

    public static bool IsComplete(GiftsSection section) => section.Items.Count > 0;

    public static bool IsComplete(EarlyContentSection section) =>
        section.WarmUpVideos > 0 || !string.IsNullOrWhiteSpace(section.Highlights);
}
