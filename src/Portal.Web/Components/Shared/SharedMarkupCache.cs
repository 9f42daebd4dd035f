using System.Collections.Concurrent;

namespace Portal.Web.Components.Shared;

/// <summary>
/// Markup (or any value) built once per key and shared by every circuit, up to <c>bound</c> keys; past the bound a
/// value is built for the render that asks and not kept. For keys that come from data (texts, figures), where an
/// unbounded cache would grow with every edit. The count is kept beside the dictionary: a
/// <see cref="ConcurrentDictionary{TKey,TValue}"/>'s own <c>Count</c> takes all its locks.
/// </summary>
internal sealed class SharedMarkupCache<TKey, TValue>(int bound)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _items = new();
    private int _count;

    /// <summary>The value kept for <paramref name="key"/>, else <paramref name="build"/>'s (kept while under the bound).</summary>
    public TValue Get<TState>(TKey key, TState state, Func<TKey, TState, TValue> build)
    {
        if (_items.TryGetValue(key, out var kept))
        {
            return kept;
        }

        if (Volatile.Read(ref _count) >= bound)
        {
            return build(key, state);
        }

        var value = build(key, state);
        if (_items.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }

        return _items.TryGetValue(key, out kept) ? kept : value;
    }

    /// <summary>How many values are kept.</summary>
    public int Count => Volatile.Read(ref _count);
}
