using System.Globalization;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Journey;

/// <summary>One playbook task with the brand's state of it.</summary>
public sealed record JourneyTaskView(
    Guid PlaybookTaskId,
    string Code,
    StepsArea Area,
    int SortOrder,
    string TitleZh,
    string TitleEn,
    string DescriptionZh,
    string DescriptionEn,
    BrandTaskStatus Status,
    string? EvidenceNote,
    string? EvidenceLink,
    string? CompletedByName,
    DateTimeOffset? CompletedAt,
    CompletionSource? CompletionSource)
{
    public bool IsDone => Status == BrandTaskStatus.Done;

    public string Title(CultureInfo culture) => PlaybookTask.InCulture(culture, TitleZh, TitleEn);

    public string Description(CultureInfo culture) => PlaybookTask.InCulture(culture, DescriptionZh, DescriptionEn);
}

/// <summary>One STEPS area of a brand: its tasks by sort order, and how many are done.</summary>
public sealed record AreaProgress(StepsArea Area, IReadOnlyList<JourneyTaskView> Tasks)
{
    public int Done => Tasks.Count(t => t.IsDone);

    public int Total => Tasks.Count;

    /// <summary>0–100; an area without tasks counts as complete.</summary>
    public double Percent => Total == 0 ? 100 : 100.0 * Done / Total;

    public bool IsComplete => Done == Total;

    /// <summary>The first task by sort order that is not done.</summary>
    public JourneyTaskView? NextOpenTask => Tasks.FirstOrDefault(t => !t.IsDone);
}

/// <summary>The step the SKA centre recommends now: an area and its next open task.</summary>
public sealed record NextStep(StepsArea Area, JourneyTaskView Task);

/// <summary>
/// A brand's STEPS journey: the five areas in the recommended order. Areas may be worked in any
/// order; the recommendation only says where to look first.
/// </summary>
public sealed record JourneyBoard(BrandSummary Brand, bool CanChange, IReadOnlyList<AreaProgress> Areas)
{
    public int Done => Areas.Sum(a => a.Done);

    public int Total => Areas.Sum(a => a.Total);

    public double Percent => Total == 0 ? 100 : 100.0 * Done / Total;

    /// <summary>Null when every task is done.</summary>
    public NextStep? Next => Recommend(Areas);

    public bool IsComplete => Next is null;

    /// <summary>
    /// The first area, in the recommended order, whose tasks are not all done, with its first open
    /// task by sort order; null when everything is done.
    /// </summary>
    public static NextStep? Recommend(IEnumerable<AreaProgress> areas) =>
        areas.OrderBy(a => a.Area)
            .Select(a => a.NextOpenTask is { } task ? new NextStep(a.Area, task) : null)
            .FirstOrDefault(s => s is not null);
}
