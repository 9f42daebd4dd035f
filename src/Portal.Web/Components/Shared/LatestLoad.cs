namespace Portal.Web.Components.Shared;

/// <summary>
/// A component's reads that may overlap: the newest answer wins. A page that reads again after an action (a
/// decision, a save, a pager, a live signal) can have an earlier read still under way, started before the action
/// committed; whichever finished last used to decide what the page showed, so an older answer could replace a newer
/// one. Here an answer is applied unless a read started after it has already been applied; a later read that fails
/// takes nothing away from an earlier one. A component's code runs one piece at a time on its renderer, so two
/// counters are enough.
/// </summary>
public sealed class LatestLoad
{
    private int _started;
    private int _applied;

    /// <summary>Runs <paramref name="read"/>; hands its answer to <paramref name="apply"/> unless a newer answer was applied meanwhile.</summary>
    /// <returns>Whether the answer was applied.</returns>
    public async Task<bool> RunAsync<T>(Func<Task<T>> read, Action<T> apply)
    {
        var ticket = ++_started;
        var answer = await read();
        if (ticket < _applied)
        {
            return false;
        }

        _applied = ticket;
        apply(answer);
        return true;
    }
}
