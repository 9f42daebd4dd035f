namespace Portal.Web.Components.Shared;

/// <summary>
/// A component's reads that may overlap: the newest answer wins. A page that reads again after an action (a
/// decision, a save, a pager, a live signal) can have an earlier read still under way, started before the action
/// committed; whichever finished last used to decide what the page showed, so an older answer could replace a newer
/// one. Here an answer is applied unless a read started after it has already been applied; a later read that fails
/// takes nothing away from an earlier one. A page whose address names a brand or an item passes it as the read's
/// key: an answer read for another key than the newest read's is dropped even when it comes first, so the brand
/// shown before a switch never shows (or gets saved) under the new one. A component's code runs one piece at a
/// time on its renderer, so two counters and the newest key are enough.
/// </summary>
public sealed class LatestLoad
{
    private int _started;
    private int _applied;
    private object? _newestKey;
    private object? _switchedTo;

    /// <summary>
    /// Whether <paramref name="key"/> (the brand code or item id the page's address names) differs from the one this
    /// was last asked about, remembering it. A page asks first when its parameters come: on true it clears what it
    /// holds for the previous brand or item and reads; on false (the same address, parameters set again) it keeps it.
    /// </summary>
    public bool Switches(object key)
    {
        if (Equals(key, _switchedTo))
        {
            return false;
        }

        _switchedTo = key;
        return true;
    }

    /// <summary>Runs <paramref name="read"/>; hands its answer to <paramref name="apply"/> unless a newer answer was applied meanwhile.</summary>
    /// <returns>Whether the answer was applied.</returns>
    public Task<bool> RunAsync<T>(Func<Task<T>> read, Action<T> apply) => RunAsync(key: null, read, apply);

    /// <summary>
    /// Runs <paramref name="read"/> for <paramref name="key"/> (the brand code or item id the page shows); hands its
    /// answer to <paramref name="apply"/> unless a newer answer was applied meanwhile or a newer read is for another key.
    /// </summary>
    /// <returns>Whether the answer was applied.</returns>
    public async Task<bool> RunAsync<T>(object? key, Func<Task<T>> read, Action<T> apply)
    {
        var ticket = ++_started;
        _newestKey = key;
        var answer = await read();
        if (ticket < _applied || !Equals(key, _newestKey))
        {
            return false;
        }

        _applied = ticket;
        apply(answer);
        return true;
    }
}
