namespace Portal.Core.Features.Journey;

public enum BrandTaskStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>How a task came to be done.</summary>
public enum CompletionSource
{
    /// <summary>A member of the brand marked it done.</summary>
    Manual,

    /// <summary>A milestone reached in the brand's metrics completed it.</summary>
    Milestone,
}

/// <summary>
/// A brand's state of one playbook task. Rows are created on the first change: a task without a
/// row is <see cref="BrandTaskStatus.NotStarted"/>. Changed only through <see cref="JourneyService.SetTaskStatusAsync"/>.
/// </summary>
public sealed class BrandTask : Data.IBrandAudited
{
    public Guid BrandId { get; set; }

    public Guid PlaybookTaskId { get; set; }

    public BrandTaskStatus Status { get; set; }

    public string? EvidenceNote { get; set; }

    /// <summary>An http or https address (a product page, a report, a stream replay).</summary>
    public string? EvidenceLink { get; set; }

    /// <summary>Who marked it done; null when a milestone did.</summary>
    public Guid? CompletedByUserId { get; set; }

    /// <summary>The provider the person completed it for the brand on behalf of (a delegation at the time); null when a member, staff or a milestone did.</summary>
    public Guid? CompletedByProviderId { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public CompletionSource? CompletionSource { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
