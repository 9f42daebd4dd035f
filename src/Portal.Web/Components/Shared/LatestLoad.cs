namespace Portal.Web.Components.Shared;

/// <summary>
/// A component's reads that may overlap: only the answer of the read started last is kept. A page that reads again
/// after an action (a decision, a save) can have an earlier read still under way, started before the action
/// committed; whichever finishes last would otherwise decide what the page shows, and an older answer could
/// replace a newer one. A component's code runs one piece at a time on its renderer, so a counter is enough.
/// </summary>
public sealed class LatestLoad
{
    private int _started;

    /// <summary>Runs <paramref name="read"/>; hands its answer to <paramref name="apply"/> only if no later read started meanwhile.</summary>
    /// <returns>Whether the answer was applied.</returns>
    public async Task<bool> RunAsync<T>(Func<Task<T>> read, Action<T> apply)
    {
        var ticket = Interlocked.Increment(ref _started);
        var answer = await read();
        if (ticket != Volatile.Read(ref _started))
        {
            return false;
        }

        apply(answer);
        return true;
    }
}
