using System.Data.Common;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>
/// A person's CSV import and its audit records (<see cref="MetricsImportRecord"/>) are one write: they commit in the
/// rows' transaction, so an import is never left without the record of who made it.
/// </summary>
public sealed class MetricsCsvImportRecordTests(MetricsCsvFixture fixture) : IClassFixture<MetricsCsvFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    private static MemoryStream File(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines.Prepend("brand,date,gmv")) + "\n"));

    private static Task<int> RecordsAsync(PortalAppFactory app, Guid brandId) =>
        app.WithDbAsync(db => db.MetricsImportRecords.CountAsync(r => r.BrandId == brandId));

    [Fact]
    public async Task Import_ByAPerson_RowsAndOneRecordPerBrandLandTogether()
    {
        var (one, oneId) = await _app.NewBrandAsync("rec");
        var (two, twoId) = await _app.NewBrandAsync("rec");
        var staff = await _app.PrincipalAsync("ska@demo.test");
        var staffId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "ska@demo.test").Select(u => u.Id).SingleAsync());

        var outcome = await _app.Services.GetRequiredService<MetricsCsvImport>()
            .ImportAsync(staff, File($"{one},2026-08-01,1", $"{one},2026-08-03,2", $"{two},2026-08-02,3"), null);

        outcome.Errors.ShouldBeEmpty();
        (await _app.RowsAsync(oneId)).Count.ShouldBe(2);
        (await _app.RowsAsync(twoId)).Count.ShouldBe(1);
        var records = await _app.WithDbAsync(db => db.MetricsImportRecords.AsNoTracking().Where(r => r.BrandId == oneId || r.BrandId == twoId).ToListAsync());
        records.Select(r => (r.BrandId, r.Rows, r.FirstDate, r.LastDate, r.ImportedByUserId)).ShouldBe(
            [(oneId, 2, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 3), staffId), (twoId, 1, new DateOnly(2026, 8, 2), new DateOnly(2026, 8, 2), staffId)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Import_RecordWriteFails_NoRowsOrRecordRemain()
    {
        var (code, brandId) = await _app.NewBrandAsync("rec");
        var staff = await _app.PrincipalAsync("ska@demo.test");
        var failing = new FailingRecordInsert();
        // The same app and database, with one interceptor more: the records' INSERT fails as a full disk would.
        var host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<PortalDbContext>((_, options) => options.AddInterceptors(failing))));

        var thrown = await Should.ThrowAsync<Exception>(() => host.Services.GetRequiredService<MetricsCsvImport>()
            .ImportAsync(staff, File($"{code},2026-08-01,1", $"{code},2026-08-02,2"), null));

        failing.Failures.ShouldBe(1);
        (thrown.GetBaseException() as InvalidOperationException).ShouldNotBeNull().Message.ShouldBe(FailingRecordInsert.Message);
        (await _app.RowsAsync(brandId)).ShouldBeEmpty();
        (await RecordsAsync(_app, brandId)).ShouldBe(0);
        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.CountAsync(p => p.BrandId == brandId))).ShouldBe(0);

        // Nothing was left half-done or locked: the same file, imported again without the failure, writes both.
        var retry = await _app.Services.GetRequiredService<MetricsCsvImport>().ImportAsync(staff, File($"{code},2026-08-01,1", $"{code},2026-08-02,2"), null);

        retry.Result.ShouldNotBeNull().Inserted.ShouldBe(2);
        (await RecordsAsync(_app, brandId)).ShouldBe(1);
    }

    /// <summary>Fails the command that inserts import records, before it reaches the database.</summary>
    private sealed class FailingRecordInsert : DbCommandInterceptor
    {
        public const string Message = "Test: the import record could not be written.";

        public int Failures { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            FailOnRecordInsert(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            FailOnRecordInsert(command);
            return ValueTask.FromResult(result);
        }

        private void FailOnRecordInsert(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"MetricsImportRecords\"", StringComparison.Ordinal))
            {
                Failures++;
                throw new InvalidOperationException(Message);
            }
        }
    }
}
