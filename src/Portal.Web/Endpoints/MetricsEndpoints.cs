using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Portal.Core;
using Portal.Core.Features.Metrics;
using Portal.Web.Auth;
using Scalar.AspNetCore;

namespace Portal.Web.Endpoints;

/// <summary>
/// The metrics feed: <c>PUT /api/v1/metrics/daily</c> (scope metrics.write) takes a batch all or
/// nothing; <c>GET /api/v1/brands/{code}/metrics</c> (scope metrics.read) reads a brand's days.
/// Both are rate limited per client; the OpenAPI document describes them.
/// </summary>
public static partial class MetricsEndpoints
{
    public const string RateLimitPolicy = "metrics-per-client";

    /// <summary>The longest range one GET may ask for.</summary>
    public const int MaxRangeDays = 366;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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

    /// <summary>OpenAPI document (API v1 only, with the bearer scheme and examples) and the per-client rate limiter.</summary>
    public static IHostApplicationBuilder AddMetricsApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "STEPS Brand Portal API";
                document.Info.Description = "Machine API (/api/v1): get a token from POST /connect/token (client credentials) with scope metrics.write or metrics.read and send it as 'Authorization: Bearer <token>'. "
                    + "People's API (/api/brands/{code}/comments): sign in to the portal and send its cookie (portal.auth); a token is not accepted there, and posts must be JSON.";
                return Task.CompletedTask;
            });
        });

        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
                var client = context.User.GetClaim(OpenIddictConstants.Claims.Subject)
                    ?? context.Connection.RemoteIpAddress?.ToString()
                    ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.RequestsPerMinutePerClient,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var strings = http.RequestServices.GetRequiredService<IStringLocalizer<MetricsStrings>>();
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: strings["Metrics_TooManyRequests"]).ExecuteAsync(http);
            };
        });
        return builder;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Scalar at <c>/scalar</c>: open in Development, staff only elsewhere.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        var document = app.MapOpenApi();
        var scalar = app.MapScalarApiReference(options => options.WithTitle("STEPS Brand Portal API"));
        if (!app.Environment.IsDevelopment())
        {
            document.RequireAuthorization(PortalPolicies.Staff);
            scalar.RequireAuthorization(PortalPolicies.Staff);
        }

        return app;
    }

    /// <summary>Maps the metrics routes into the API v1 group.</summary>
    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder api)
    {
        api.MapPut("/metrics/daily", PutDailyAsync)
            .RequireAuthorization(PortalPolicies.MetricsWrite)
            .RequireRateLimiting(RateLimitPolicy)
            .Accepts<MetricsBatch>("application/json")
            .Produces<MetricsBatchResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("PutDailyMetrics")
            .WithSummary("Upsert daily store figures, all or nothing")
            .WithDescription("Each row is one brand's figures for one platform day (China Standard Time). Figures left out stay unknown. If any row is invalid the answer is 422 with every problem (row index, field, reason) and nothing is written. Sending the same batch again answers all rows unchanged.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = JsonNode.Parse("""
                        {"rows":[{"brand":"demo-tea","date":"2026-07-31","gmv":123456.78,"orders":2100,"paidOrders":2050,"streams":2,"liveMinutes":360,"peakViewers":5400,"newFans":820,"fans":201500,"fanGroupMembers":12800,"repurchaseRate":0.7,"distributionGmv":40000.00,"influencers":35,"adSpend":8000.00,"adGmv":26500.50,"exclusiveSkus":3},
                                 {"brand":"demo-tea","date":"2026-08-01","gmv":98000.00,"streams":1}]}
                        """);
                }

                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var okBody) == true)
                {
                    okBody.Example = JsonNode.Parse("""{"inserted":1,"updated":0,"unchanged":1}""");
                }

                if (operation.Responses?.TryGetValue("422", out var invalid) == true && invalid.Content?.TryGetValue("application/problem+json", out var problem) == true)
                {
                    problem.Example = JsonNode.Parse("""
                        {"type":"https://tools.ietf.org/html/rfc4918#section-11.2","title":"The batch was not accepted and nothing was written: see the errors.","status":422,
                         "errors":[{"index":0,"field":"brand","reason":"There is no brand with the code 'nobody'."},{"index":3,"field":"gmv","reason":"The figure cannot be negative."}]}
                        """);
                }

                return Task.CompletedTask;
            });

        api.MapGet("/brands/{code}/metrics", GetBrandMetricsAsync)
            .RequireAuthorization(PortalPolicies.MetricsRead)
            .RequireRateLimiting(RateLimitPolicy)
            .Produces<BrandMetrics>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("GetBrandMetrics")
            .WithSummary("A brand's daily figures")
            .WithDescription("Days from 'from' to 'to' (yyyy-MM-dd, both included, at most 366 days; by default the last 30 days up to today in China Standard Time). Unknown figures are null.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = JsonNode.Parse("""
                        {"brand":"demo-tea","from":"2026-07-31","to":"2026-08-01","days":[
                          {"date":"2026-07-31","gmv":123456.78,"orders":2100,"paidOrders":2050,"streams":2,"liveMinutes":360,"peakViewers":5400,"newFans":820,"fans":201500,"fanGroupMembers":12800,"repurchaseRate":0.7,"distributionGmv":40000.00,"influencers":35,"adSpend":8000.00,"adGmv":26500.50,"exclusiveSkus":3},
                          {"date":"2026-08-01","gmv":98000.00,"orders":null,"paidOrders":null,"streams":1,"liveMinutes":null,"peakViewers":null,"newFans":null,"fans":null,"fanGroupMembers":null,"repurchaseRate":null,"distributionGmv":null,"influencers":null,"adSpend":null,"adGmv":null,"exclusiveSkus":null}]}
                        """);
                }

                return Task.CompletedTask;
            });
        return api;
    }

    private static async Task<IResult> PutDailyAsync(
        HttpContext http,
        MetricsIngestionService ingestion,
        IOptions<MetricsOptions> options,
        IStringLocalizer<MetricsStrings> strings,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (http.Request.ContentLength > settings.MaxBodyBytes)
        {
            return TooLarge(strings["Metrics_BodyTooLarge", settings.MaxBodyBytes]);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = settings.MaxBodyBytes;
        }

        MetricsBatch? batch;
        try
        {
            await using var body = new LimitedStream(http.Request.Body, settings.MaxBodyBytes);
            batch = await JsonSerializer.DeserializeAsync<MetricsBatch>(body, Json, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return TooLarge(strings["Metrics_BodyTooLarge", settings.MaxBodyBytes]);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(strings["Metrics_BodyTooLarge", settings.MaxBodyBytes]);
        }
        catch (JsonException ex)
        {
            // A figure of the wrong type names its row and field like any other problem.
            if (ex.Path is { } path && RowPath().Match(path) is { Success: true } match)
            {
                return Invalid(strings, [new RowProblem(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, strings["Metrics_WrongType"])]);
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: strings["Metrics_BodyUnreadable"]);
        }

        var rows = batch?.Rows ?? [];
        if (rows.Count > settings.MaxRowsPerBatch)
        {
            return TooLarge(strings["Metrics_TooManyRowsTitle", settings.MaxRowsPerBatch]);
        }

        var outcome = await ingestion.IngestAsync(rows, cancellationToken: cancellationToken);
        if (outcome.Result is not { } result)
        {
            return Invalid(strings, outcome.Errors.Select(e => new RowProblem(e.Index, e.Field, e.Reason)).ToList());
        }

        return TypedResults.Ok(new MetricsBatchResult(result.Inserted, result.Updated, result.Unchanged));
    }

    private static async Task<IResult> GetBrandMetricsAsync(
        string code,
        DateOnly? from,
        DateOnly? to,
        MetricsReader reader,
        TimeProvider clock,
        IStringLocalizer<MetricsStrings> strings,
        CancellationToken cancellationToken)
    {
        var last = to ?? PlatformTime.DayOf(clock.GetUtcNow());
        var first = from ?? last.AddDays(-29);
        if (first > last || last.DayNumber - first.DayNumber + 1 > MaxRangeDays)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: strings["Metrics_RangeInvalid", MaxRangeDays]);
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

    private static ProblemHttpResult TooLarge(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: title);

    private static ProblemHttpResult Invalid(IStringLocalizer<MetricsStrings> strings, IReadOnlyList<RowProblem> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: strings["Metrics_InvalidBatch"],
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    [GeneratedRegex(@"^\$\.rows\[(\d+)\]\.([A-Za-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RowPath();

    private sealed class BodyTooLargeException : Exception;

    /// <summary>Reads at most <paramref name="limit"/> bytes, so a body without Content-Length is capped too.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BodyTooLargeException() : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
