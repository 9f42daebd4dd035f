using Portal.Web.Components.Shared;

namespace Portal.UnitTests.Web.Components;

/// <summary>The bounded cache behind the shared markup strings (fast unit tests).</summary>
public sealed class SharedMarkupCacheTests
{
    [Fact]
    public void AKey_WithinTheBound_IsBuiltOnceAndShared()
    {
        var cache = new SharedMarkupCache<int, string>(bound: 4);
        var builds = 0;

        var first = cache.Get(1, "one", (_, text) => { builds++; return new string(text.AsSpan()); });
        var again = cache.Get(1, "one", (_, text) => { builds++; return new string(text.AsSpan()); });

        ReferenceEquals(first, again).ShouldBeTrue();
        builds.ShouldBe(1);
        cache.Count.ShouldBe(1);
    }

    [Fact]
    public void PastTheBound_ValuesAreStillBuiltRight_ButNotKept()
    {
        var cache = new SharedMarkupCache<int, string>(bound: 2);
        for (var key = 0; key < 5; key++)
        {
            cache.Get(key, key, (_, k) => $"v{k}").ShouldBe($"v{key}");
        }

        cache.Count.ShouldBe(2);
        cache.Get(4, 4, (_, k) => $"w{k}").ShouldBe("w4");
        cache.Get(0, 0, (_, k) => $"w{k}").ShouldBe("v0");
    }

    [Fact]
    public async Task ManyCallers_OfOneKey_AllGetTheKeptValue()
    {
        var cache = new SharedMarkupCache<int, object>(bound: 8);

        var values = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => cache.Get(7, 0, (_, _) => new object()))));

        values.Distinct().Count().ShouldBe(1);
        cache.Count.ShouldBe(1);
    }
}
