using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Metrics;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Core.Features.Metrics.MetricsTestApp;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>
/// The all-or-nothing upsert of daily figures, on each engine (<see cref="MetricsIngestionOnSqliteTests"/>,
/// <see cref="MetricsIngestionOnPostgresTests"/>): the same specifications, the engine's own write path.
/// </summary>
public abstract class MetricsIngestionTests(PortalAppFactory app)
{
    private protected readonly PortalAppFactory _app = app;

    [EngineFact]
    public async Task Ingest_NewRows_InsertsThemAndKeepsMissingFiguresUnknown()
    {
        var (code, id) = await _app.NewBrandAsync();

        var result = await _app.IngestOkAsync(
            Row(code, "2026-07-31") with { Gmv = 123456.78m, Orders = 2100, RepurchaseRate = 0.7m, AdSpend = 8000m },
            Row(code, "2026-08-01") with { Streams = 1 });

        result.ShouldBe(new MetricsIngestionResult(2, 0, 0));
        var rows = await _app.RowsAsync(id);
        rows.Select(r => r.Date).ShouldBe([new DateOnly(2026, 7, 31), new DateOnly(2026, 8, 1)]);
        rows[0].Gmv.ShouldBe(123456.78m);
        rows[0].RepurchaseRate.ShouldBe(0.7m);
        rows[0].Streams.ShouldBeNull();
        rows[1].Gmv.ShouldBeNull();
        rows[1].Streams.ShouldBe(1);
    }

    [EngineFact]
    public async Task Ingest_SameBatchTwice_AnswersAllUnchangedTheSecondTime()
    {
        var (code, id) = await _app.NewBrandAsync();
        MetricRowInput[] batch = [Row(code, "2026-08-01") with { Gmv = 10m, Fans = 5 }, Row(code, "2026-08-02") with { Gmv = 0.01m }];
        await _app.IngestOkAsync(batch);
        var before = await _app.RowsAsync(id);

        var again = await _app.IngestOkAsync(batch);

        again.ShouldBe(new MetricsIngestionResult(0, 0, 2));
        (await _app.RowsAsync(id)).Select(r => r.UpdatedAt).ShouldBe(before.Select(r => r.UpdatedAt));
    }

    [EngineFact]
    public async Task Ingest_ChangedAndNewRows_CountsUpdatedInsertedAndUnchanged()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Gmv = 10m }, Row(code, "2026-08-02") with { Gmv = 20m });

        var result = await _app.IngestOkAsync(
            Row(code, "2026-08-01") with { Gmv = 10m },
            Row(code, "2026-08-02") with { Gmv = 25m },
            Row(code, "2026-08-03") with { Gmv = 30m });

        result.ShouldBe(new MetricsIngestionResult(1, 1, 1));
        (await _app.RowsAsync(id)).Select(r => r.Gmv).ShouldBe([10m, 25m, 30m]);
    }

    [EngineFact]
    public async Task Ingest_DateOfTodayInChina_IsAcceptedWhileUtcIsStillYesterday()
    {
        var (code, id) = await _app.NewBrandAsync();
        // 2026-09-14 16:30 UTC is 2026-09-15 00:30 in China: the 15th has begun there.
        _app.Clock.MoveTo(new DateTimeOffset(2026, 9, 14, 16, 30, 0, TimeSpan.Zero));
        try
        {
            await _app.IngestOkAsync(Row(code, "2026-09-15") with { Gmv = 1m });
            _app.Clock.MoveTo(new DateTimeOffset(2026, 9, 14, 15, 59, 0, TimeSpan.Zero));
            var early = await _app.Ingestion().IngestAsync([Row(code, "2026-09-15") with { Gmv = 2m }]);
            early.Errors.Single().Field.ShouldBe("date");
        }
        finally
        {
            _app.Clock.MoveTo(MetricsFixture.Now);
        }

        (await _app.RowsAsync(id)).Single().Gmv.ShouldBe(1m);
    }

    [EngineFact]
    public async Task Ingest_AcceptedBatch_QueuesItsBrandsForEvaluation()
    {
        var (code, id) = await _app.NewBrandAsync();
        var (other, otherId) = await _app.NewBrandAsync();

        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Gmv = 1m });

        var pending = await _app.WithDbAsync(db => db.PendingMetricsEvaluations.Select(p => p.BrandId).ToListAsync());
        pending.ShouldContain(id);
        pending.ShouldNotContain(otherId);
        other.ShouldNotBeNull();
    }

    [EngineFact]
    public async Task Ingest_TenThousandRows_AreWrittenInOneBatch()
    {
        var brands = new List<(string Code, Guid Id)>();
        for (var i = 0; i < 10; i++)
        {
            brands.Add(await _app.NewBrandAsync("bulk"));
        }

        var start = new DateOnly(2023, 12, 1);
        var rows = brands.SelectMany(b => Enumerable.Range(0, 1000).Select(d => Row(b.Code, start.AddDays(d).ToString("yyyy-MM-dd")) with { Gmv = d * 10.5m, Orders = d, Fans = d * 3 })).ToArray();

        var result = await _app.IngestOkAsync(rows);

        result.ShouldBe(new MetricsIngestionResult(10_000, 0, 0));
        (await _app.RowsAsync(brands[3].Id)).Count.ShouldBe(1000);
        (await _app.IngestOkAsync(rows)).Unchanged.ShouldBe(10_000);
    }

    [EngineFact]
    public async Task Ingest_MixedBatchAcrossSeveralStatements_WritesEveryChangedRowWithItsOwnFigures()
    {
        // 150 rows (more than two multi-row statements and a remainder): every tenth updated, the rest unchanged or new.
        var (code, id) = await _app.NewBrandAsync("mixed");
        var start = new DateOnly(2026, 1, 1);
        MetricRowInput Day(int d, decimal gmv) => Row(code, start.AddDays(d).ToString("yyyy-MM-dd")) with { Gmv = gmv, Orders = d };
        await _app.IngestOkAsync(Enumerable.Range(0, 100).Select(d => Day(d, d)).ToArray());

        var result = await _app.IngestOkAsync(Enumerable.Range(0, 150).Select(d => Day(d, d < 100 && d % 10 == 0 ? d + 0.5m : d)).ToArray());

        result.ShouldBe(new MetricsIngestionResult(50, 10, 90));
        var stored = await _app.RowsAsync(id);
        stored.Count.ShouldBe(150);
        stored.Select(r => r.Gmv).ShouldBe(Enumerable.Range(0, 150).Select(d => (decimal?)(d < 100 && d % 10 == 0 ? d + 0.5m : d)));
        stored.Select(r => r.Orders).ShouldBe(Enumerable.Range(0, 150).Select(d => (long?)d));
    }

    [EngineFact]
    public async Task Ingest_Merge_KeepsTheFiguresLeftOutAndCountsOnlyRealChanges()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Gmv = 10m, Orders = 5 }, Row(code, "2026-08-02") with { Gmv = 20m });
        var before = await _app.RowsAsync(id);
        var merge = new MetricsIngestionOptions { Merge = true };

        var first = await _app.Ingestion().IngestAsync([Row(code, "2026-08-01") with { Orders = 7 }, Row(code, "2026-08-02") with { Gmv = 20m }, Row(code, "2026-08-03") with { Fans = 3 }], merge);
        var again = await _app.Ingestion().IngestAsync([Row(code, "2026-08-01") with { Orders = 7 }], merge);

        first.Result.ShouldBe(new MetricsIngestionResult(1, 1, 1));
        again.Result.ShouldBe(new MetricsIngestionResult(0, 0, 1));
        var rows = await _app.RowsAsync(id);
        rows.Select(r => (r.Gmv, r.Orders, r.Fans)).ShouldBe([(10m, 7L, null), (20m, null, null), (null, null, 3L)]);
        rows[1].UpdatedAt.ShouldBe(before[1].UpdatedAt, "an unchanged row keeps its stamp");
    }

    [EngineFact]
    public async Task Ingest_Replace_MakesTheFiguresLeftOutUnknown()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Gmv = 10m, Orders = 5 });

        var result = await _app.IngestOkAsync(Row(code, "2026-08-01") with { Orders = 5 });

        result.ShouldBe(new MetricsIngestionResult(0, 1, 0));
        (await _app.RowsAsync(id)).Single().Gmv.ShouldBeNull();
    }

    [EngineFact]
    public async Task Ingest_TwoConcurrentBatchesForOneBrand_CountEveryRowOnceAndLoseNone()
    {
        var (code, id) = await _app.NewBrandAsync("race");
        var start = new DateOnly(2025, 1, 1);
        MetricRowInput Day(int d, decimal gmv) => Row(code, start.AddDays(d).ToString("yyyy-MM-dd")) with { Gmv = gmv };
        var first = Enumerable.Range(0, 300).Select(d => Day(d, 1m)).ToArray();
        var second = Enumerable.Range(0, 400).Select(d => Day(d, 2m)).Reverse().ToArray();

        var results = await Task.WhenAll(Task.Run(() => _app.IngestOkAsync(first)), Task.Run(() => _app.IngestOkAsync(second)));

        // Either order: 400 rows inserted once; the 300 both send are updated by whichever batch came second.
        results.Sum(r => r.Inserted).ShouldBe(400);
        results.Sum(r => r.Updated).ShouldBe(300);
        results.Sum(r => r.Unchanged).ShouldBe(0);
        var rows = await _app.RowsAsync(id);
        rows.Count.ShouldBe(400);
        rows.Take(300).Select(r => r.Gmv).Distinct().Count().ShouldBe(1, "one batch's figures, not a mix");
        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.SingleAsync(p => p.BrandId == id))).FromDate.ShouldBe(start);
    }

    [EngineFact]
    public async Task Ingest_RefusedBatch_WritesNothing()
    {
        var (code, id) = await _app.NewBrandAsync();

        var outcome = await _app.Ingestion().IngestAsync([Row(code, "2026-08-01") with { Gmv = 1m }, Row(code, "2026-08-02") with { Orders = -1 }]);

        outcome.Succeeded.ShouldBeFalse();
        (await _app.RowsAsync(id)).ShouldBeEmpty();
        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.AnyAsync(p => p.BrandId == id))).ShouldBeFalse();
    }

    [EngineFact]
    public async Task DailyApi_PutThenPatch_AnswersCountsAndStoresTheFigures()
    {
        var (code, id) = await _app.NewBrandAsync();
        var client = await Web.MetricsApiTests.ClientAsync(_app, "metrics.write metrics.read");
        static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
        var body = $$"""{"rows":[{"brand":"{{code}}","date":"2026-08-31","gmv":1234.50,"orders":10},{"brand":"{{code}}","date":"2026-09-01","streams":2}]}""";

        var put = await client.PutAsync("/api/v1/metrics/daily", Json(body));
        var again = await client.PutAsync("/api/v1/metrics/daily", Json(body));
        var patch = await client.PatchAsync("/api/v1/metrics/daily", Json($$"""{"rows":[{"brand":"{{code}}","date":"2026-08-31","orders":11}]}"""));

        (await put.Content.ReadAsStringAsync()).ShouldBe("""{"inserted":2,"updated":0,"unchanged":0}""");
        (await again.Content.ReadAsStringAsync()).ShouldBe("""{"inserted":0,"updated":0,"unchanged":2}""");
        (await patch.Content.ReadAsStringAsync()).ShouldBe("""{"inserted":0,"updated":1,"unchanged":0}""");
        (await _app.RowsAsync(id)).Select(r => (r.Gmv, r.Orders, r.Streams)).ShouldBe([(1234.50m, 11L, null), (null, null, 2L)]);
        (await _app.WithDbAsync(db => db.PendingPortfolioRefreshes.AnyAsync(p => p.BrandId == id))).ShouldBeTrue();
    }
}

/// <summary>The ingestion's specifications on SQLite, and the checks of a batch that never reach an engine.</summary>
// The SQLite instance of the scenarios: its PostgreSQL twin runs them there, so the both-engines run skips this class.
[Trait("Engine", "Sqlite")]
public sealed class MetricsIngestionOnSqliteTests(MetricsFixture fixture) : MetricsIngestionTests(fixture.App), IClassFixture<MetricsFixture>
{
    public static TheoryData<string, MetricRowInput, string> InvalidRows() => new()
    {
        { "unknown brand", new MetricRowInput { Brand = "no-such-brand", Date = "2026-08-01" }, "brand" },
        { "missing brand", new MetricRowInput { Date = "2026-08-01" }, "brand" },
        { "bad date", new MetricRowInput { Brand = "$", Date = "2026-8-1" }, "date" },
        { "impossible date", new MetricRowInput { Brand = "$", Date = "2026-02-30" }, "date" },
        { "future date", new MetricRowInput { Brand = "$", Date = "2026-09-16" }, "date" },
        { "negative count", new MetricRowInput { Brand = "$", Date = "2026-08-03", Orders = -1 }, "orders" },
        { "negative money", new MetricRowInput { Brand = "$", Date = "2026-08-03", AdSpend = -0.01m }, "adSpend" },
        { "three decimals", new MetricRowInput { Brand = "$", Date = "2026-08-03", Gmv = 1.234m }, "gmv" },
        { "rate above one", new MetricRowInput { Brand = "$", Date = "2026-08-03", RepurchaseRate = 1.01m }, "repurchaseRate" },
        { "huge figure", new MetricRowInput { Brand = "$", Date = "2026-08-03", Fans = 2_000_000_000_000 }, "fans" },
        { "duplicate key", new MetricRowInput { Brand = "$", Date = "2026-08-02" }, "date" },
    };

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public async Task Ingest_WithOneInvalidRow_RefusesTheBatchNamingTheRowAndWritesNothing(string rule, MetricRowInput bad, string field)
    {
        var (code, id) = await _app.NewBrandAsync();
        var invalid = bad with { Brand = bad.Brand == "$" ? code : bad.Brand };

        var outcome = await _app.Ingestion().IngestAsync([Row(code, "2026-08-01") with { Gmv = 1m }, Row(code, "2026-08-02") with { Gmv = 2m }, invalid]);

        outcome.Succeeded.ShouldBeFalse(rule);
        outcome.Errors.Select(e => (e.Index, e.Field)).ShouldBe([(2, field)], rule);
        outcome.Errors[0].Reason.ShouldNotBeNullOrWhiteSpace();
        (await _app.RowsAsync(id)).ShouldBeEmpty(rule);
        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.AnyAsync(p => p.BrandId == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Ingest_ManyInvalidRows_ListsEveryOneInChinese()
    {
        var (code, _) = await _app.NewBrandAsync();
        using var chinese = PortalCultures.Use("zh-CN");

        var outcome = await _app.Ingestion().IngestAsync([Row("nobody", "2026-08-01"), Row(code, "x") with { Gmv = -1m }]);

        outcome.Errors.Select(e => (e.Index, e.Field)).ShouldBe([(0, "brand"), (1, "date"), (1, "gmv")]);
        outcome.Errors[0].Reason.ShouldBe("不存在代码为“nobody”的品牌。");
    }

    [Fact]
    public async Task Ingest_EmptyBatch_IsRefused()
    {
        var outcome = await _app.Ingestion().IngestAsync([]);

        outcome.Errors.Single().ShouldBe(new MetricRowError(null, "rows", "The batch has no rows."));
    }
}

/// <summary>The ingestion's specifications on PostgreSQL: binary COPY, one upsert, per-brand advisory locks.</summary>
[Trait("Kind", "Postgres")]
public sealed class MetricsIngestionOnPostgresTests(PostgresMetricsFixture fixture) : MetricsIngestionTests(fixture.App), IClassFixture<PostgresMetricsFixture>;
