using Microsoft.EntityFrameworkCore;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>An app that takes files of up to 100,000 rows, while API batches keep their default cap of 10,000.</summary>
public sealed class MetricsCsvFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Metrics:MaxCsvRows"] = "100000",
    });

    public Task InitializeAsync()
    {
        App.Clock.MoveTo(MetricsFixture.Now);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>CSV files read by line and imported all or nothing through the ingestion service.</summary>
public sealed class MetricsCsvImportTests(MetricsCsvFixture fixture) : IClassFixture<MetricsCsvFixture>
{
    private const string Header = "brand,date,gmv,orders,paidOrders,streams,liveMinutes,peakViewers,newFans,fans,fanGroupMembers,repurchaseRate,distributionGmv,influencers,adSpend,adGmv,exclusiveSkus";

    private readonly PortalAppFactory _app = fixture.App;

    private MetricsCsvImport Import => _app.Services.GetRequiredService<MetricsCsvImport>();

    private static MemoryStream File(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    [Fact]
    public async Task Preview_TwelveRows_GivesHeaderFirstTenRowsAsWrittenAndTheCount()
    {
        var lines = Enumerable.Range(1, 12).Select(d => $"demo-tea,2026-08-{d:00},12.5,x").Prepend("brand,date,gmv,orders").ToArray();

        var preview = await Import.PreviewAsync(File(lines));

        preview.Succeeded.ShouldBeTrue();
        preview.Header.ShouldBe(["brand", "date", "gmv", "orders"]);
        preview.Rows.Count.ShouldBe(10);
        preview.Rows[9].ShouldBe(["demo-tea", "2026-08-10", "12.5", "x"]);
        preview.RowCount.ShouldBe(12);
    }

    [Fact]
    public async Task Read_FullRowWithEmptyCells_GivesFiguresAndUnknowns()
    {
        var read = await Import.ReadAsync(File(Header, "demo-tea,2026-08-01,1234.50,10,,2,,,,,,0.35,,12,,,"));

        read.Errors.ShouldBeEmpty();
        var row = read.Rows.ShouldHaveSingleItem();
        row.Brand.ShouldBe("demo-tea");
        row.Gmv.ShouldBe(1234.50m);
        row.Orders.ShouldBe(10);
        row.PaidOrders.ShouldBeNull();
        row.RepurchaseRate.ShouldBe(0.35m);
        row.Influencers.ShouldBe(12);
    }

    [Fact]
    public async Task Read_CellThatIsNotANumber_IsReportedWithItsLineAndColumn()
    {
        var read = await Import.ReadAsync(File("brand,date,gmv,fans", "a,2026-08-01,1,2", "a,2026-08-02,lots,2", "a,2026-08-03,1,2.5"));

        read.Rows.ShouldBeEmpty();
        read.Errors.Select(e => (MetricsCsvImport.LineOf(e), e.Field)).ShouldBe([(3, "gmv"), (4, "fans")]);
    }

    [Fact]
    public async Task Read_MalformedQuotes_AreRefusedInThePersonsLanguageWithTheRecord_NotReadAsAnotherFigure()
    {
        MetricsCsvRead read;
        MetricsCsvPreview preview;
        using (Portal.Core.Localization.PortalCultures.Use(Portal.Core.Localization.PortalCultures.Chinese))
        {
            read = await Import.ReadAsync(File("brand,date,gmv", "a,2026-08-01,1", "a,2026-08-02,\"1\"2"));
            preview = await Import.PreviewAsync(File("brand,date,gmv", "a,2026-08-01,1", "a,2026-08-02,\"1\"2"));
        }

        const string reason = "无法按 CSV 读取该文件：第 3 条记录（表头为第 1 条）格式有误，请检查引号和分隔符。";
        read.Rows.ShouldBeEmpty();
        read.Errors.ShouldHaveSingleItem().Reason.ShouldBe(reason);
        preview.Error.ShouldBe(reason);
    }

    [Fact]
    public async Task Read_AStrayQuoteInTextItDoesNotRead_IsKeptAsWritten_AndTheFileImports()
    {
        var read = await Import.ReadAsync(File("brand,date,gmv,note", "a,2026-08-01,1,12\" screen"));

        read.Errors.ShouldBeEmpty();
        read.Rows.ShouldHaveSingleItem().Gmv.ShouldBe(1m);
    }

    [Fact]
    public async Task Read_AQuoteNeverClosed_IsRefusedWithItsRecord_NotLetSwallowTheLinesAfter()
    {
        var read = await Import.ReadAsync(File("brand,date,gmv", "a,2026-08-01,1", "a,\"2026-08-02,1", "a,2026-08-03,1"));

        read.Rows.ShouldBeEmpty();
        read.Errors.ShouldHaveSingleItem().Reason.ShouldBe("The file could not be read as CSV: record 3 (the header is record 1) is malformed; check its quotes and separators.");
    }

    [Fact]
    public async Task Read_WithoutADateColumn_IsRefusedNamingIt()
    {
        var read = await Import.ReadAsync(File("brand,gmv", "a,1"));

        var error = read.Errors.ShouldHaveSingleItem();
        error.Index.ShouldBeNull();
        error.Reason.ShouldContain("date");
    }

    [Fact]
    public async Task Read_OneRowMoreThanMaxCsvRows_IsRefusedNamingTheCap()
    {
        var lines = Enumerable.Range(0, 100_001).Select(i => $"demo-tea,{new DateOnly(2000, 1, 1).AddDays(i % 9000):yyyy-MM-dd}").Prepend("brand,date");

        var read = await Import.ReadAsync(File([.. lines]));

        var error = read.Errors.ShouldHaveSingleItem();
        error.Index.ShouldBeNull();
        error.Reason.ShouldContain("100000");
        read.Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_UnknownBrandOnLine4_IsRefusedWithThatLineAndWritesNothing()
    {
        var (code, id) = await _app.NewBrandAsync("csv");

        var outcome = await Import.ImportAsync(File("brand,date,gmv", $"{code},2026-08-01,1", $"{code},2026-08-02,2", "nobody,2026-08-03,3"));

        outcome.Succeeded.ShouldBeFalse();
        var error = outcome.Errors.ShouldHaveSingleItem();
        (MetricsCsvImport.LineOf(error), error.Field).ShouldBe((4, "brand"));
        (await _app.RowsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_DuplicateDay_NamesTheEarlierLine()
    {
        var (code, _) = await _app.NewBrandAsync("csv");

        var outcome = await Import.ImportAsync(File("brand,date,gmv", $"{code},2026-08-01,1", $"{code},2026-08-01,2"));

        var error = outcome.Errors.ShouldHaveSingleItem();
        MetricsCsvImport.LineOf(error).ShouldBe(3);
        error.Reason.ShouldContain("2");
    }

    [Fact]
    public async Task Import_AsWhoIsAsking_StaffMayImportAnyBrand_AMemberOnlyTheirOwn_OthersNothing()
    {
        var demoTea = await _app.WithDbAsync(db => db.Brands.Where(b => b.Code == "demo-tea").Select(b => b.Id).SingleAsync());
        await Portal.IntegrationTests.Infrastructure.TestBrands.CreateWithOwnerAsync(_app, "csv-outsider", "csv.outsider@example.com");
        var staff = await _app.PrincipalAsync("ska@demo.test");
        var owner = await _app.PrincipalAsync("brand@demo.test");
        var outsider = await _app.PrincipalAsync("csv.outsider@example.com");

        var byOutsider = await Import.ImportAsync(outsider, File("brand,date,gmv", "demo-tea,2026-08-03,1"), demoTea);
        var byOwnerWithoutBrand = await Import.ImportAsync(owner, File("brand,date,gmv", "demo-tea,2026-08-03,1"), null);
        var byOwner = await Import.ImportAsync(owner, File("brand,date,gmv", "demo-tea,2026-08-03,1"), demoTea);
        var byStaff = await Import.ImportAsync(staff, File("brand,date,gmv", "demo-tea,2026-08-04,1"), null);

        byOutsider.Errors.ShouldHaveSingleItem().Reason.ShouldStartWith("Only SKA staff, or the brand's own members");
        byOwnerWithoutBrand.Succeeded.ShouldBeFalse();
        byOwner.Succeeded.ShouldBeTrue();
        byStaff.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Import_ForOneBrand_RowOfAnotherBrandIsRefusedWithItsLine()
    {
        var (own, ownId) = await _app.NewBrandAsync("csv");
        var (other, otherId) = await _app.NewBrandAsync("csv");

        var outcome = await Import.ImportAsync(File("brand,date,gmv", $"{own},2026-08-01,1", $"{other},2026-08-01,2"), onlyBrandId: ownId);

        var error = outcome.Errors.ShouldHaveSingleItem();
        (MetricsCsvImport.LineOf(error), error.Field).ShouldBe((3, "brand"));
        error.Reason.ShouldContain(other);
        (await _app.RowsAsync(ownId)).ShouldBeEmpty();
        (await _app.RowsAsync(otherId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_100000Rows_WritesEveryRowAndReportsProgressToTheEnd()
    {
        var brands = new List<(string Code, Guid Id)>();
        for (var i = 0; i < 100; i++)
        {
            brands.Add(await _app.NewBrandAsync("big"));
        }

        var file = new StringBuilder(Header).Append('\n');
        var first = new DateOnly(2023, 12, 1);
        foreach (var (code, _) in brands)
        {
            for (var d = 0; d < 1000; d++)
            {
                file.Append(code).Append(',').Append(first.AddDays(d).ToString("yyyy-MM-dd")).Append(",100.50,3,3,1,60,200,5,1000,50,0.3,10,2,20,40,1\n");
            }
        }

        var progress = new LastValue();
        var outcome = await Import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file.ToString())), progress: progress);

        outcome.Errors.ShouldBeEmpty();
        outcome.Result!.Inserted.ShouldBe(100_000);
        progress.Value.ShouldBe(100_000);
        progress.Reports.ShouldBeGreaterThan(10);
        (await _app.RowsAsync(brands[^1].Id)).Count.ShouldBe(1000);
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class LastValue : IProgress<int>
    {
        public int Value { get; private set; }

        public int Reports { get; private set; }

        public void Report(int value)
        {
            Value = value;
            Reports++;
        }
    }
}
