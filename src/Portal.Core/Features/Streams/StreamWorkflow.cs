namespace Portal.Core.Features.Streams;

/// <summary>The explicit actions that move a plan between states.</summary>
public enum StreamAction
{
    /// <summary>Draft → Ready; needs every STAGE section complete.</summary>
    MarkReady,

    /// <summary>Ready → Done; needs the results.</summary>
    MarkDone,

    /// <summary>Draft or Ready → Cancelled.</summary>
    Cancel,
}

/// <summary>Why a transition was refused.</summary>
public enum StreamRefusal
{
    None,

    /// <summary>The action does not leave the plan's current state.</summary>
    NotFromState,

    /// <summary>Some STAGE sections are incomplete.</summary>
    Incomplete,

    /// <summary>No results have been entered.</summary>
    NoResults,
}

/// <summary>The answer to "may this action run now?": the target state, or why not.</summary>
public sealed record StreamTransition(StreamAction Action, StreamStatus From, StreamStatus To, StreamRefusal Refusal, IReadOnlyList<StageSection> Incomplete)
{
    public bool Allowed => Refusal == StreamRefusal.None;
}

/// <summary>The stream plan's state machine. Pure: it decides, <see cref="StreamPlanService"/> saves and explains.</summary>
public static class StreamWorkflow
{
    private static readonly Dictionary<(StreamStatus From, StreamAction Action), StreamStatus> Moves = new()
    {
        [(StreamStatus.Draft, StreamAction.MarkReady)] = StreamStatus.Ready,
        [(StreamStatus.Ready, StreamAction.MarkDone)] = StreamStatus.Done,
        [(StreamStatus.Draft, StreamAction.Cancel)] = StreamStatus.Cancelled,
        [(StreamStatus.Ready, StreamAction.Cancel)] = StreamStatus.Cancelled,
    };

    /// <summary>The actions that leave <paramref name="status"/> (their own conditions aside).</summary>
    public static IReadOnlyList<StreamAction> ActionsFrom(StreamStatus status) =>
        Moves.Keys.Where(k => k.From == status).Select(k => k.Action).ToList();

    /// <summary>Whether the plan's sections may still change (Draft and Ready only).</summary>
    public static bool IsEditable(StreamStatus status) => status is StreamStatus.Draft or StreamStatus.Ready;

    /// <summary>Whether results may be entered: once a stream is Ready (it has happened or is about to), and to correct them when Done.</summary>
    public static bool AcceptsResults(StreamStatus status) => status is StreamStatus.Ready or StreamStatus.Done;

    public static StreamTransition Check(StreamPlan plan, StreamAction action)
    {
        if (!Moves.TryGetValue((plan.Status, action), out var to))
        {
            return new(action, plan.Status, plan.Status, StreamRefusal.NotFromState, []);
        }

        if (action == StreamAction.MarkReady)
        {
            var incomplete = StageReadiness.Of(plan).Incomplete;
            if (incomplete.Count > 0)
            {
                return new(action, plan.Status, plan.Status, StreamRefusal.Incomplete, incomplete);
            }
        }

        if (action == StreamAction.MarkDone && plan.Results is null)
        {
            return new(action, plan.Status, plan.Status, StreamRefusal.NoResults, []);
        }

        return new(action, plan.Status, to, StreamRefusal.None, []);
    }
}
