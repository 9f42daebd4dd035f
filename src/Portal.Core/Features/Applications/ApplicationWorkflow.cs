using static Portal.Core.Features.Applications.ApplicationStatus;

namespace Portal.Core.Features.Applications;

/// <summary>
/// The application's state machine as a table: which action, by whom, from which states, to which
/// state, and whether a reason is required. Nothing else writes <c>Brand.Status</c>.
/// </summary>
public static class ApplicationWorkflow
{
    public sealed record Transition(
        ApplicationAction Action,
        ApplicationActor Actor,
        IReadOnlySet<ApplicationStatus> From,
        ApplicationStatus To,
        bool ReasonRequired);

    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(ApplicationAction.Submit, ApplicationActor.Brand, new HashSet<ApplicationStatus> { Draft, ChangesRequested }, Submitted, ReasonRequired: false),
        new(ApplicationAction.StartReview, ApplicationActor.Staff, new HashSet<ApplicationStatus> { Submitted }, UnderReview, ReasonRequired: false),
        new(ApplicationAction.RequestChanges, ApplicationActor.Staff, new HashSet<ApplicationStatus> { UnderReview }, ChangesRequested, ReasonRequired: true),
        new(ApplicationAction.Approve, ApplicationActor.Staff, new HashSet<ApplicationStatus> { UnderReview }, Approved, ReasonRequired: false),
        new(ApplicationAction.Reject, ApplicationActor.Staff, new HashSet<ApplicationStatus> { UnderReview }, Rejected, ReasonRequired: true),
        new(ApplicationAction.Reapply, ApplicationActor.Brand, new HashSet<ApplicationStatus> { Rejected }, Draft, ReasonRequired: false),
        new(ApplicationAction.Suspend, ApplicationActor.Staff, new HashSet<ApplicationStatus> { Approved }, Suspended, ReasonRequired: true),
        new(ApplicationAction.Reinstate, ApplicationActor.Staff, new HashSet<ApplicationStatus> { Suspended }, Approved, ReasonRequired: true),
    ];

    public static Transition Of(ApplicationAction action) => Transitions.Single(t => t.Action == action);

    /// <summary>The actions <paramref name="actor"/> can take from <paramref name="status"/>.</summary>
    public static IReadOnlyList<ApplicationAction> Available(ApplicationStatus status, ApplicationActor actor) =>
        Transitions.Where(t => t.Actor == actor && t.From.Contains(status)).Select(t => t.Action).ToList();

    /// <summary>Whether the profile may be edited in this state (only before or after a request for changes).</summary>
    public static bool IsEditable(ApplicationStatus status) => status is Draft or ChangesRequested;
}
