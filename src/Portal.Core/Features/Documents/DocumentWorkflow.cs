namespace Portal.Core.Features.Documents;

/// <summary>The document workflow as a table: which action moves a document from which states to which.</summary>
public static class DocumentWorkflow
{
    public sealed record Transition(DocumentAction Action, IReadOnlyList<DocumentStatus> From, DocumentStatus To, bool ByStaff, bool ReasonRequired);

    private static readonly Transition[] Table =
    [
        new(DocumentAction.ChecksPassed, [DocumentStatus.Checking], DocumentStatus.AwaitingReview, ByStaff: false, ReasonRequired: false),
        new(DocumentAction.ChecksFailed, [DocumentStatus.Checking], DocumentStatus.ChangesRequested, ByStaff: false, ReasonRequired: false),
        new(DocumentAction.Approve, [DocumentStatus.AwaitingReview], DocumentStatus.Approved, ByStaff: true, ReasonRequired: false),
        new(DocumentAction.RequestChanges, [DocumentStatus.AwaitingReview], DocumentStatus.ChangesRequested, ByStaff: true, ReasonRequired: true),
        new(DocumentAction.Reject, [DocumentStatus.AwaitingReview], DocumentStatus.Rejected, ByStaff: true, ReasonRequired: true),
        new(DocumentAction.Expire, [DocumentStatus.Approved], DocumentStatus.Expired, ByStaff: false, ReasonRequired: false),
    ];

    public static IReadOnlyList<Transition> All => Table;

    /// <summary>The transition of <paramref name="action"/>; throws for actions that do not change the status.</summary>
    public static Transition Of(DocumentAction action) =>
        Table.SingleOrDefault(t => t.Action == action) ?? throw new ArgumentOutOfRangeException(nameof(action), action, "Not a status change");

    public static bool CanReview(DocumentStatus status) => status == DocumentStatus.AwaitingReview;
}
