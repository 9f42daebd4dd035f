using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Portal.Core;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Metrics;
using Portal.Web.Auth;
using Portal.Web.Infrastructure;

namespace Portal.Web.Endpoints;

/// <summary>
/// The metrics feed: <c>PUT /api/v1/metrics/daily</c> (scope metrics.write) replaces a batch of
/// days all or nothing, <c>PATCH</c> merges figures into them; <c>GET /api/v1/brands/{code}/metrics</c>
/// (scope metrics.read) reads a brand's days. Every brand touched must be in the client's brand
/// scope. Rate limited per client (RateLimiting.cs); described by MetricsApiDocs.
/// </summary>
public static partial class MetricsEndpoints
{
    /// <summary>The longest range one GET may ask for.</summary>
    public const int MaxRangeDays = 366;

    /// <summary>
    /// Numbers are JSON numbers: <c>"orders":"10"</c> is a wrong type, not 10. A field the API does not know
    /// (<c>paid_orders</c> for <c>paidOrders</c>) is refused rather than skipped, which under PUT would erase the stored
    /// figure it meant to set, and so is a field sent twice in one row (which value counts would be a guess).
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>A batch of daily figures.</summary>
    public sealed record MetricsBatch(IReadOnlyList<MetricRowInput>? Rows);

    /// <summary>What an accepted batch did: rows added, rows whose figures changed, rows already stored as sent.</summary>
    public sealed record MetricsBatchResult(int Inserted, int Updated, int Unchanged);

    /// <summary>One problem in a refused batch: the row's index (from 0; null for the batch), the field and why.</summary>
    public sealed record RowProblem(int? Index, string Field, string Reason);

    /// <summary>A brand's days; unknown figures are null.</summary>
    public sealed record BrandMetrics(string Brand, DateOnly From, DateOnly To, IReadOnlyList<DayFigures> Days);

    public sealed record DayFigures(
        DateOnly Date, decimal? Gmv, long? Orders, long? PaidOrders, long? Streams, long? LiveMinutes, long? PeakViewers,
        long? NewFans, long? Fans, long? FanGroupMembers, decimal? RepurchaseRate, decimal? DistributionGmv, long? Influencers,
        decimal? AdSpend, decimal? AdGmv, long? ExclusiveSkus);

    /// <summary>Maps the metrics routes into the API v1 group.</summary>
    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder api)
    {
        Daily(api.MapPut("/metrics/daily", (HttpContext http, CancellationToken ct) => WriteDailyAsync(http, merge: false, ct)))
            .WithName("PutDailyMetrics")
            .WithSummary("Replace daily store figures, all or nothing")
            .WithDescription("Each row is one brand's figures for one platform day (China Standard Time) and replaces what is stored for that day: figures left out become unknown (use PATCH to send only some figures). If any row is invalid the answer is 422 with every problem (row index, field, reason) and nothing is written; a brand outside the client's brand scope is 403 and nothing is written. Numbers must be JSON numbers. Sending the same batch again answers all rows unchanged.");
        Daily(api.MapPatch("/metrics/daily", (HttpContext http, CancellationToken ct) => WriteDailyAsync(http, merge: true, ct)))
            .WithName("PatchDailyMetrics")
            .WithSummary("Merge daily store figures, all or nothing")
            .WithDescription("Like PUT, but a figure a row leaves out (or sends as null) keeps its stored value: a feed that knows only some figures sends those without erasing the rest. A day not stored yet is added with the figures sent.");

        api.MapGet("/brands/{code}/metrics", GetBrandMetricsAsync)
            .RequireAuthorization(PortalPolicies.MetricsRead)
            .RequireRateLimiting(RateLimiting.MetricsPolicy)
            .RequiresOAuthScope(Core.Features.Seeding.PortalScopes.MetricsRead)
            .Produces<BrandMetrics>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("GetBrandMetrics")
            .WithSummary("A brand's daily figures")
            .WithDescription("Days from 'from' to 'to' (yyyy-MM-dd, both included, at most 366 days; by default the last 30 days up to today in China Standard Time). Unknown figures are null. A brand outside the client's brand scope is 403; a malformed date is 400 naming the parameter.")
            .AddOpenApiOperationTransformer(MetricsApiDocs.BrandMetricsExample);
        return api;
    }

    private static RouteHandlerBuilder Daily(RouteHandlerBuilder route) => route
        .RequireAuthorization(PortalPolicies.MetricsWrite)
        .RequireRateLimiting(RateLimiting.MetricsPolicy)
        .RequiresOAuthScope(Core.Features.Seeding.PortalScopes.MetricsWrite)
        .Accepts<MetricsBatch>("application/json")
        .Produces<MetricsBatchResult>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .AddOpenApiOperationTransformer(MetricsApiDocs.DailyExamples);

    private static async Task<IResult> WriteDailyAsync(HttpContext http, bool merge, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var strings = services.GetRequiredService<IStringLocalizer<MetricsStrings>>();
        if (!http.Request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType(http);
        }

        var (batch, refusal) = await ReadBatchAsync(http, settings, strings, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var rows = batch?.Rows ?? [];
        if (rows.Count > settings.MaxRowsPerBatch)
        {
            return TooLarge(strings["Metrics_TooManyRowsTitle", settings.MaxRowsPerBatch]);
        }

        if (await OutOfScopeAsync(http, rows.Select(r => r?.Brand), cancellationToken) is { } outOfScope)
        {
            return outOfScope;
        }

        var ingestion = services.GetRequiredService<MetricsIngestionService>();
        // A provider's client writes the figures its provider is scored on: the brand's audit trail names it.
        var record = await services.GetRequiredService<MetricsImportRecording>()
            .ForApiClientAsync(http.User.GetClaim(OpenIddictConstants.Claims.Subject), rows, cancellationToken);
        var outcome = await ingestion.IngestAsync(rows, new MetricsIngestionOptions { Merge = merge, BeforeCommit = record }, cancellationToken);
        if (outcome.Result is not { } result)
        {
            return Invalid(strings, outcome.Errors.Select(e => new RowProblem(e.Index, e.Field, e.Reason)).ToList());
        }

        return TypedResults.Ok(new MetricsBatchResult(result.Inserted, result.Updated, result.Unchanged));
    }

    private static async Task<(MetricsBatch? Batch, IResult? Refusal)> ReadBatchAsync(
        HttpContext http, MetricsOptions settings, IStringLocalizer<MetricsStrings> strings, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > settings.MaxBodyBytes)
        {
            return (null, TooLarge(strings["Metrics_BodyTooLarge", settings.MaxBodyBytes]));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = settings.MaxBodyBytes;
        }

        try
        {
            await using var body = new LimitedStream(http.Request.Body, settings.MaxBodyBytes);
            return (await JsonSerializer.DeserializeAsync<MetricsBatch>(body, Json, cancellationToken), null);
        }
        catch (BodyTooLargeException)
        {
            return (null, TooLarge(strings["Metrics_BodyTooLarge", settings.MaxBodyBytes]));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(strings["Metrics_BodyTooLarge", settings.MaxBodyBytes]));
        }
        catch (JsonException ex)
        {
            return (null, BodyProblem(ex, strings));
        }
    }

    private static async Task<IResult> GetBrandMetricsAsync(
        HttpContext http,
        string code,
        string? from,
        string? to,
        MetricsReader reader,
        TimeProvider clock,
        IStringLocalizer<MetricsStrings> strings,
        CancellationToken cancellationToken)
    {
        if (!TryParseDay(to, out var toDay))
        {
            return Problems.BadParameter(http, "to");
        }

        if (!TryParseDay(from, out var fromDay))
        {
            return Problems.BadParameter(http, "from");
        }

        var last = toDay ?? PlatformTime.DayOf(clock.GetUtcNow());
        var first = fromDay ?? DateOnly.FromDayNumber(Math.Max(0, last.DayNumber - 29)); // 30 days, none before year 1
        if (first > last || last.DayNumber - first.DayNumber + 1 > MaxRangeDays)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: strings["Metrics_RangeInvalid", MaxRangeDays]);
        }

        // Scope before existence: a limited client learns nothing about brands outside it.
        if (await OutOfScopeAsync(http, [code], cancellationToken) is { } outOfScope)
        {
            return outOfScope;
        }

        if (await reader.FindBrandIdAsync(code, cancellationToken) is not { } brandId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: strings["Metrics_BrandNotFound", code]);
        }

        var days = await reader.GetDailyAsync(brandId, first, last, cancellationToken);
        return TypedResults.Ok(new BrandMetrics(code.Trim().ToLowerInvariant(), first, last, days.Select(d => new DayFigures(
            d.Date, d.Gmv, d.Orders, d.PaidOrders, d.Streams, d.LiveMinutes, d.PeakViewers, d.NewFans, d.Fans, d.FanGroupMembers,
            d.RepurchaseRate, d.DistributionGmv, d.Influencers, d.AdSpend, d.AdGmv, d.ExclusiveSkus)).ToList()));
    }

    /// <summary>403 naming every brand code outside the calling client's brand scope, or null when all are inside.</summary>
    private static async Task<IResult?> OutOfScopeAsync(HttpContext http, IEnumerable<string?> codes, CancellationToken cancellationToken)
    {
        var scopes = http.RequestServices.GetRequiredService<ApiClientBrandScopes>();
        var scope = await scopes.ForClientAsync(http.User.GetClaim(OpenIddictConstants.Claims.Subject), cancellationToken);
        var refused = codes
            .Select(c => c?.Trim().ToLowerInvariant() ?? "")
            .Where(c => c.Length > 0 && !scope.Allows(c))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return refused.Count == 0 ? null : Problems.BrandsOutOfScope(http, refused);
    }

    private static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }

    /// <summary>
    /// A body the serializer refused: a row's unknown field, repeated field or figure of the wrong type names its row
    /// and field like any other problem (422); an unknown field beside <c>rows</c> names itself; anything else is 400.
    /// </summary>
    private static ProblemHttpResult BodyProblem(JsonException ex, IStringLocalizer<MetricsStrings> strings)
    {
        var path = ex.Path ?? "";
        // Only a field the API knows can be sent twice or have the wrong type; any other is unknown, whatever its name says.
        string Reason(string field, Type type) =>
            type.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null ? "Metrics_UnknownField"
            : ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) ? "Metrics_RepeatedField"
            : "Metrics_WrongType";
        if (RowPath().Match(path) is { Success: true } row)
        {
            var field = Field(row);
            return Invalid(strings, [new RowProblem(int.Parse(row.Groups["row"].Value, CultureInfo.InvariantCulture), field, strings[Reason(field, typeof(MetricRowInput))])]);
        }

        if (BatchPath().Match(path) is { Success: true } batch && Field(batch) is var name && Reason(name, typeof(MetricsBatch)) != "Metrics_WrongType")
        {
            return Invalid(strings, [new RowProblem(null, name, strings[Reason(name, typeof(MetricsBatch))])]);
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: strings["Metrics_BodyUnreadable"]);
    }

    private static ProblemHttpResult TooLarge(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: title);

    private static ProblemHttpResult Invalid(IStringLocalizer<MetricsStrings> strings, IReadOnlyList<RowProblem> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: strings["Metrics_InvalidBatch"],
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>A field's name in a serializer path: <c>.name</c> (also <c>.paid-orders</c>), or <c>['name']</c> for one with a dot, space or bracket.</summary>
    private static string Field(Match match) => match.Groups["plain"].Success ? match.Groups["plain"].Value : match.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"^\$\.rows\[(?<row>\d+)\](?:\.(?<plain>[^.\[\]']+)|\['(?<quoted>(?:[^']|'')*)'\])$", RegexOptions.IgnoreCase)]
    private static partial Regex RowPath();

    [GeneratedRegex(@"^\$(?:\.(?<plain>[^.\[\]']+)|\['(?<quoted>(?:[^']|'')*)'\])$", RegexOptions.IgnoreCase)]
    private static partial Regex BatchPath();
}
