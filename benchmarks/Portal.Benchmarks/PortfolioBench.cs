using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Time;

namespace Portal.Benchmarks;

/// <summary>
/// The portfolio under load: 10,000 brands with 60 days of figures (set-based), the real app on Kestrel
/// over loopback, a staff member signed in with the login form, and 16 concurrent clients asking for the
/// portfolio's first page and a filtered, sorted page: the server-rendered page and the JSON page the
/// grid's data path answers, beside a static page of the same app (/css/app.css, the baseline) and /health/live, measured the same way in the same run.
/// </summary>
internal sealed partial class PortfolioBench : IAsyncDisposable
{
    private static readonly ValueConverter<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter();
    private readonly string _directory;
    private readonly BenchFactory _factory;

    private PortfolioBench(string directory, BenchFactory factory)
    {
        _directory = directory;
        _factory = factory;
    }

    public string DatabasePath => Path.Combine(_directory, "portal.db");

    internal IServiceProvider Services => _factory.Services;

    /// <summary>Starts the app on a temp SQLite file, or on a new database of the PostgreSQL server <paramref name="postgres"/> names.</summary>
    public static async Task<PortfolioBench> StartAsync(string? postgres = null)
    {
        var directory = Directory.CreateTempSubdirectory("portal-portfolio-bench-").FullName;
        var (database, connectionString) = postgres is null ? default : await CreatePostgresDatabaseAsync(postgres);
        // Until the metrics evaluation runs on PostgreSQL (another port), the invented demo portfolio, which it evaluates, is left out there.
        var settings = postgres is null ? null : new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString!, ["Seed:DemoBrandCount"] = "0",
        };
        // The bench rebuilds the rows itself, once, and times it (BenchFactory runs no job server, so nothing drains).
        var factory = new BenchFactory(Path.Combine(directory, "portal.db"), Path.Combine(directory, "mail"), settings);
        factory.UseKestrel(0);
        factory.StartServer();
        return new PortfolioBench(directory, factory) { _postgresDatabase = database, _postgresServer = postgres };
    }

    /// <summary>Where the data lives: the SQLite file or the PostgreSQL database.</summary>
    public string Database => OnPostgres ? $"PostgreSQL database {_postgresDatabase}" : DatabasePath;

    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    // ---------------------------------------------------------------- data

    /// <summary>Seeds <paramref name="count"/> brands (tiers, statuses, managers, documents) and 60 days of figures set-based; returns (seed, refresh) times.</summary>
    public async Task<(TimeSpan Seed, TimeSpan Refresh, long Rows)> SeedAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        var dbFactory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Guid templateId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var template = new Brand { Code = "bench-template", NameZh = "基准品牌", NameEn = "Benchmark brand" };
            db.Brands.Add(template);
            var rule = await db.RequirementRules.SingleAsync(r => r.Code == "brand-trademark");
            db.Documents.Add(new Document
            {
                BrandId = template.Id, RuleId = rule.Id, Type = rule.DocumentType, Version = 1, FileHash = new string('a', 64),
                ContentType = "application/pdf", DisplayName = "tm.pdf", CertificateNumber = "TM-000001", ExpiresOn = Today.AddYears(1),
            });
            await db.SaveChangesAsync();
            templateId = template.Id;
        }

        var staffId = await StaffIdAsync();
        if (OnPostgres)
        {
            var written = await SeedPostgresAsync(count, templateId, staffId);
            var seeded = watch.Elapsed;
            watch.Restart();
            await Services.GetRequiredService<PortfolioRefresher>().RefreshAllAsync();
            return (seeded, watch.Elapsed, written);
        }

        await using var connection = await OpenRawAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var brandColumns = await ColumnsAsync(connection, transaction, "Brands");
        const string NewGuid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";
        string[] tiers = ["NewStore", "RampUp", "Ka", "Ska"];
        string[] statuses = ["Draft", "Submitted", "UnderReview", "ChangesRequested", "Approved", "Approved", "Approved", "Rejected"];
        var brandSelect = string.Join(", ", brandColumns.Select(c => c switch
        {
            "Id" => NewGuid,
            "Code" => "'pb-' || printf('%05d', n.i)",
            "NameEn" => "'Brand ' || printf('%05d', n.i)",
            "NameZh" => "'品牌' || printf('%05d', $count - n.i)",
            "Tier" => $"CASE n.i % 10 WHEN 0 THEN '{tiers[3]}' WHEN 1 THEN '{tiers[2]}' WHEN 2 THEN '{tiers[2]}' WHEN 3 THEN '{tiers[0]}' ELSE '{tiers[1]}' END",
            "Status" => "CASE n.i % 8 " + string.Concat(statuses.Select((s, i) => $"WHEN {i} THEN '{s}' ")) + "END",
            "AccountManagerUserId" => "CASE WHEN n.i % 7 = 0 THEN $staff END",
            "CreatedAt" => "$created",
            _ => $"t.\"{c}\"",
        }));
        await ExecAsync(connection, transaction, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO "Brands" ({string.Join(", ", brandColumns.Select(c => $"\"{c}\""))})
            SELECT {brandSelect} FROM n, "Brands" t WHERE t."Id" = $template
            """, ("$count", count), ("$template", Key(templateId)), ("$staff", Key(staffId)), ("$created", Instant.ConvertToProvider(DateTimeOffset.UtcNow.AddDays(-120))!));

        // Documents: a third current, a tenth expiring within 30 days, a tenth lapsed (blocked), a tenth awaiting review.
        var documentColumns = await ColumnsAsync(connection, transaction, "Documents");
        var documentSelect = string.Join(", ", documentColumns.Select(c => c switch
        {
            "Id" => NewGuid,
            "BrandId" => "b.\"Id\"",
            "Status" => "CASE WHEN b.k % 10 = 3 THEN 'AwaitingReview' ELSE 'Approved' END",
            "ExpiresOn" => "CASE b.k % 10 WHEN 1 THEN date($today, '-1 day') WHEN 2 THEN date($today, '+12 days') ELSE date($today, '+300 days') END",
            _ => $"d.\"{c}\"",
        }));
        await ExecAsync(connection, transaction, $"""
            INSERT INTO "Documents" ({string.Join(", ", documentColumns.Select(c => $"\"{c}\""))})
            SELECT {documentSelect}
            FROM (SELECT "Id", CAST(substr("Code", 4) AS INTEGER) AS k FROM "Brands" WHERE "Code" LIKE 'pb-%') b, "Documents" d
            WHERE d."BrandId" = $template AND (b.k % 10 IN (1, 2, 3) OR b.k % 3 = 0)
            """, ("$template", Key(templateId)), ("$today", Day(Today)));

        // Figures: 60 days; one brand in five stopped 20 days ago (stalled), one in ten never sent any.
        var rows = await ExecAsync(connection, transaction, """
            WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < 59)
            INSERT INTO "DailyMetrics" ("BrandId", "Date", "Gmv", "Orders", "PaidOrders", "Streams", "LiveMinutes", "PeakViewers", "NewFans", "Fans",
                "FanGroupMembers", "RepurchaseRate", "DistributionGmv", "Influencers", "AdSpend", "AdGmv", "ExclusiveSkus", "UpdatedAt")
            SELECT b."Id", date($today, '-' || d.i || ' days'), abs(random() % 20000000), abs(random() % 3000), abs(random() % 2500), abs(random() % 3),
                   abs(random() % 600), abs(random() % 20000), abs(random() % 2000), abs(random() % 500000), abs(random() % 20000), abs(random() % 10000),
                   abs(random() % 2000000), abs(random() % 40), abs(random() % 1000000), abs(random() % 3000000), abs(random() % 4), $stamp
            FROM (SELECT "Id", CAST(substr("Code", 4) AS INTEGER) AS k FROM "Brands" WHERE "Code" LIKE 'pb-%') b, d
            WHERE b.k % 10 <> 9 AND (b.k % 5 <> 4 OR d.i >= 20)
            """, ("$today", Day(Today)), ("$stamp", Instant.ConvertToProvider(DateTimeOffset.UtcNow)!));
        await transaction.CommitAsync();
        var seed = watch.Elapsed;

        watch.Restart();
        await Services.GetRequiredService<PortfolioRefresher>().RefreshAllAsync();
        return (seed, watch.Elapsed, rows);
    }

    /// <summary>In-process, one at a time: what the query itself costs, apart from HTTP and rendering.</summary>
    public async Task ProfileQueriesAsync()
    {
        var query = Services.GetRequiredService<PortfolioQuery>();
        var dbFactory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var staff = await PrincipalAsync();
        var specs = new (string Name, PortfolioSpec Spec)[]
        {
            ("first page", new PortfolioSpec()),
            ("stalled+RampUp by GMV desc", new PortfolioSpec { View = PortfolioView.Stalled, Tier = Portal.Core.Features.Tiers.GrowthTier.RampUp, Sort = PortfolioSort.Gmv, Descending = true }),
            ("blocked", new PortfolioSpec { View = PortfolioView.Blocked }),
            ("by GMV desc", new PortfolioSpec { Sort = PortfolioSort.Gmv, Descending = true }),
        };
        foreach (var (name, spec) in specs)
        {
            for (var i = 0; i < 20; i++)
            {
                await query.PageAsync(staff, spec);
            }

            var watch = Stopwatch.StartNew();
            const int Runs = 50;
            var total = 0;
            for (var i = 0; i < Runs; i++)
            {
                total = (await query.PageAsync(staff, spec)).Value!.Total;
            }

            var perPage = watch.Elapsed.TotalMilliseconds / Runs;
            watch.Restart();
            for (var i = 0; i < Runs; i++)
            {
                await query.CountAsync(staff, spec);
            }

            var perCount = watch.Elapsed.TotalMilliseconds / Runs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in-process PortfolioQuery.PageAsync {name,-28} {perPage,7:F2} ms per page; CountAsync alone {perCount:F2} ms (total {total:N0}, cached per filter)"));
        }
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Core.Features.Accounts.PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Portal.Core.Features.Accounts.PortalUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync("ska@demo.test"))!);
    }

    private DateOnly Today => PlatformTime.DayOf(Services.GetRequiredService<PortalClock>().GetUtcNow());

    private async Task<Guid> StaffIdAsync()
    {
        var dbFactory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == "ska@demo.test").Select(u => u.Id).SingleAsync();
    }

    // ---------------------------------------------------------------- load

    /// <summary>A client with <paramref name="email"/>'s cookie, signed in through the real login form over loopback.</summary>
    public Task<HttpClient> SignInAsync(string email, string password) => LoadRunner.SignInAsync(BaseAddress, email, password);

    // ---------------------------------------------------------------- helpers

    private Task<SqliteConnection> OpenRawAsync() => _factory.OpenRawAsync();

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var columns = new List<string>();
        await using var info = connection.CreateCommand();
        info.Transaction = transaction;
        info.CommandText = $"""PRAGMA table_info("{table}")""";
        await using var reader = await info.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(1));
        }

        return columns;
    }

    private static async Task<int> ExecAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await DropPostgresDatabaseAsync();
        try
        {
            if (Environment.GetEnvironmentVariable("PORTAL_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"kept {_directory}");
            return;
        }

        Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Runs the portfolio benchmark and prints its figures (<c>-- portfolio [--quick] [--postgres "&lt;connection string&gt;"]</c>).</summary>
internal static class PortfolioBenchmark
{
    public static async Task<int> RunAsync(bool quick, string? postgres = null)
    {
        const int Concurrency = 16;
        var brands = 10_000;
        var total = quick ? 500 : 3_000;
        var warmUp = quick ? 100 : 300;
        var started = Stopwatch.StartNew();
        Console.WriteLine($"Portal portfolio benchmark ({(quick ? "quick" : "full")}) on {(postgres is null ? "SQLite" : "PostgreSQL")}, {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {LoadRunner.LoadAverage()}");
        Console.WriteLine($"{brands:N0} brands, {Concurrency} concurrent clients, {warmUp} warm-up + {total} measured requests per endpoint, Kestrel on loopback");

        await using var bench = await PortfolioBench.StartAsync(postgres);
        Console.WriteLine($"app at {bench.BaseAddress}, database {bench.Database}");
        var (seed, refresh, rows) = await bench.SeedAsync(brands);
        Console.WriteLine($"seeded {brands:N0} brands and {rows:N0} daily rows set-based in {seed.TotalSeconds:F1} s; portfolio rows rebuilt (RefreshAllAsync) in {refresh.TotalSeconds:F2} s");

        await bench.ProfileQueriesAsync();
        using var staff = await bench.SignInAsync("ska@demo.test", "Portal!2026");
        const string Filtered = "view=stalled&tier=RampUp&sort=Gmv.desc";
        var firstHtml = await staff.GetStringAsync("/ops/portfolio");
        Console.WriteLine($"prerendered /ops/portfolio holds grid rows: {(firstHtml.Contains("/ops/brands/pb-", StringComparison.Ordinal) ? "yes" : "no (the grid asks for them over the circuit once interactive)")}");

        var figures = new List<LoadFigures>
        {
            await LoadRunner.MeasureAsync(staff, "baseline: static page /css/app.css", "/css/app.css", Concurrency, warmUp, total),
            await LoadRunner.MeasureAsync(staff, "reference: GET /health/live", "/health/live", Concurrency, warmUp, total),
            await LoadRunner.MeasureAsync(staff, "data: first page (JSON)", "/ops/portfolio/data", Concurrency, warmUp, total),
            await LoadRunner.MeasureAsync(staff, "data: filtered + sorted (JSON)", $"/ops/portfolio/data?{Filtered}", Concurrency, warmUp, total),
            await LoadRunner.MeasureAsync(staff, "page: /ops/portfolio (HTML)", "/ops/portfolio", Concurrency, warmUp, total),
            await LoadRunner.MeasureAsync(staff, "page: filtered + sorted (HTML)", $"/ops/portfolio?{Filtered}", Concurrency, warmUp, total),
        };

        var baseline = figures[0];
        Console.WriteLine();
        Console.WriteLine($"{"endpoint",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"req/s",8} {"bytes",8}  p95 vs base  rps vs base  targets (p95<=50ms, >=500 rps)");
        foreach (var f in figures)
        {
            var verdict = f == baseline || f.Name.StartsWith("reference", StringComparison.Ordinal) ? "" : $"p95 {(f.P95 <= 50 ? "met" : "NOT met")}, rps {(f.Rps >= 500 ? "met" : "NOT met")}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Name,-34} {f.P50,8:F1} {f.P95,8:F1} {f.Max,8:F1} {f.Rps,8:F0} {f.Bytes,8:N0}  {f.P95 / baseline.P95,10:F1}x  {f.Rps / baseline.Rps,10:P0}  {verdict}"));
        }

        Console.WriteLine();
        Console.WriteLine($"total {started.Elapsed.TotalMinutes:F1} min, load {LoadRunner.LoadAverage()}");
        return 0;
    }
}
