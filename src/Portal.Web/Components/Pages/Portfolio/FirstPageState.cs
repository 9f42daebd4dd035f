using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Tiers;

namespace Portal.Web.Components.Pages.Portfolio;

/// <summary>
/// The rows a prerender of the portfolio showed, handed to the page's circuit in Blazor's persisted component state
/// (protected, in the page's HTML). The circuit shows them instead of querying again and renders the page once, so
/// an idle circuit keeps one render tree of the page, not also the loading one before it (docs/BENCHMARKS.md).
/// The browser sends the state back in the circuit's first message, which SignalR refuses past
/// <see cref="Infrastructure.CircuitSettings.MaxReceiveMessageBytes"/>: the rows travel compact (what the cells
/// draw, short names), and a page too large for half the limit (50 or 100 rows) is not handed over: its circuit
/// loads it again, as a page opened inside the app does.
/// </summary>
internal sealed record FirstPageState(
    [property: JsonPropertyName("l")] string Culture,
    [property: JsonPropertyName("q")] PortfolioSpec Asked,
    [property: JsonPropertyName("s")] PortfolioSpec Spec,
    [property: JsonPropertyName("r")] IReadOnlyList<FirstPageState.Row> Rows,
    [property: JsonPropertyName("t")] int Total,
    [property: JsonPropertyName("e")] IReadOnlyList<string> Errors)
{
    internal const string Key = "portfolio-first-page";

    // The state's JSON grows about 1.8 times on its way (base64, protection, base64 again), beside the start message.
    private const int Growth = 2;

    /// <summary>Hands the page to the circuit when the prerender ends, when it fits: whether it was offered.</summary>
    public static bool Offer(PersistentComponentState state, FirstPageState page, long maxReceiveBytes, out PersistingComponentStateSubscription subscription)
    {
        subscription = default;
        if (JsonSerializer.SerializeToUtf8Bytes(page, JsonSerializerOptions.Web).Length * Growth > maxReceiveBytes / 2)
        {
            return false;
        }

        subscription = state.RegisterOnPersisting(() =>
        {
            state.PersistAsJson(Key, page);
            return Task.CompletedTask;
        }, RenderMode.InteractiveServer);
        return true;
    }

    /// <summary>
    /// The prerender's rows when it was asked for <paramref name="spec"/> (its address) in the reader's language;
    /// otherwise null. <see cref="Spec"/> is what it showed: the last page for an address past it.
    /// </summary>
    public static FirstPageState? TryTake(PersistentComponentState state, PortfolioSpec spec) =>
        state.TryTakeFromJson<FirstPageState>(Key, out var page) && page is not null && page.Asked == spec
            && page.Culture == CultureInfo.CurrentUICulture.Name
            ? page
            : null;

    public static FirstPageState Of(PortfolioSpec asked, PortfolioSpec shown, IReadOnlyList<PortfolioRowView> rows, int total, IReadOnlyList<string> errors) =>
        new(CultureInfo.CurrentUICulture.Name, asked, shown, [.. rows.Select(Row.Of)], total, errors);

    /// <summary>The rows as the page's cells draw them (the rest of a row is for exports and other pages).</summary>
    public IReadOnlyList<PortfolioRowView> Views() => [.. Rows.Select(r => r.View())];

    /// <summary>One row: what <see cref="PortfolioRowCells"/> and <see cref="PortfolioCells"/> draw.</summary>
    internal sealed record Row(
        [property: JsonPropertyName("c")] string Code,
        [property: JsonPropertyName("n")] string Name,
        [property: JsonPropertyName("k")] IReadOnlyList<string> Categories,
        [property: JsonPropertyName("t")] GrowthTier Tier,
        [property: JsonPropertyName("u")] ApplicationStatus Status,
        [property: JsonPropertyName("o")] ComplianceStatus Compliance,
        [property: JsonPropertyName("p")] IReadOnlyList<int> Progress,
        [property: JsonPropertyName("g")] decimal Gmv30,
        [property: JsonPropertyName("d")] int? TrendPercent,
        [property: JsonPropertyName("m")] string? AccountManager,
        [property: JsonPropertyName("a")] DateTimeOffset? LastActivityAt,
        [property: JsonPropertyName("x")] bool Stalled)
    {
        public static Row Of(PortfolioRowView r) =>
            new(r.Code, r.Name, r.Categories, r.Tier, r.Status, r.Compliance, r.Progress, r.Gmv30, r.TrendPercent, r.AccountManager, r.LastActivityAt, r.Stalled);

        public PortfolioRowView View() => new(
            Guid.Empty, Code, Name, Categories, Tier, Status, Compliance, Progress, Gmv30, 0m, TrendPercent,
            null, AccountManager, Stalled, LastActivityAt, 0, null);
    }
}
