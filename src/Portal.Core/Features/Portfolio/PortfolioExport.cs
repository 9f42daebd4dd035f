using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using Portal.Core.Features.Brands;
using Portal.Core.Localization;

namespace Portal.Core.Features.Portfolio;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Writes portfolio rows as CSV (CsvHelper, UTF-8 with BOM so Excel reads Chinese) or xlsx (MiniExcel), headers and values in the current UI language.</summary>
public sealed class PortfolioExportWriter(IStringLocalizer<PortfolioStrings> strings)
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ExportFormat format, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"portfolio-{day:yyyy-MM-dd}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}");

    public IReadOnlyList<string> Headers() =>
    [
        strings["Portfolio_ColCode"], strings["Portfolio_ColBrand"], strings["Portfolio_ColCategories"], strings["Portfolio_ColTier"],
        strings["Portfolio_ColStatus"], strings["Portfolio_ColCompliance"],
        strings["Portfolio_ColProgressE"], strings["Portfolio_ColProgressT"], strings["Portfolio_ColProgressS"], strings["Portfolio_ColProgressP"], strings["Portfolio_ColProgressX"],
        strings["Portfolio_ColGmv30"], strings["Portfolio_ColGmvPrev30"], strings["Portfolio_ColTrend"], strings["Portfolio_ColManager"],
        strings["Portfolio_ColStalled"], strings["Portfolio_ColLastActivity"], strings["Portfolio_ColDocsAwaiting"], strings["Portfolio_ColNextExpiry"],
    ];

    public IReadOnlyList<object?> Values(PortfolioRowView row) =>
    [
        row.Code, row.Name, string.Join(", ", row.Categories), strings[$"Tier_{row.Tier}"].Value,
        strings[$"Status_{row.Status}"].Value, strings[$"Compliance_{row.Compliance}"].Value,
        row.Progress[0], row.Progress[1], row.Progress[2], row.Progress[3], row.Progress[4],
        row.Gmv30, row.GmvPrev30, row.TrendPercent, row.AccountManager ?? "",
        row.Stalled ? strings["Portfolio_Yes"].Value : strings["Portfolio_No"].Value,
        row.LastActivityAt is { } at ? PlatformTime.ToPlatform(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
        row.DocumentsAwaitingReview,
        row.NextExpiryOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    ];

    /// <summary>Streams the rows as CSV; <paramref name="progress"/> hears the count of rows written so far.</summary>
    public async Task<int> WriteCsvAsync(Stream stream, IAsyncEnumerable<PortfolioRowView> rows, Action<int>? progress, CancellationToken cancellationToken)
    {
        // Brand names come from brands: a name starting with '=' must not become a formula in a spreadsheet.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(stream, options, true);
        await csv.WriteRecordAsync([.. Headers()], cancellationToken);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var value in Values(row))
            {
                if (value is null)
                {
                    csv.WriteField("");
                }
                else
                {
                    csv.WriteField(value);
                }
            }

            await csv.EndRecordAsync(cancellationToken);
            if (++count % 500 == 0)
            {
                progress?.Invoke(count);
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
        progress?.Invoke(count);
        return count;
    }

    /// <summary>Writes the rows as one xlsx sheet to a seekable stream (a temp file); MiniExcel writes synchronously.</summary>
    public async Task<int> WriteXlsxAsync(Stream stream, IAsyncEnumerable<PortfolioRowView> rows, Action<int>? progress, CancellationToken cancellationToken)
    {
        var headers = Headers();
        var list = new List<PortfolioRowView>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        var count = 0;
        IEnumerable<IDictionary<string, object?>> Sheet()
        {
            foreach (var row in list)
            {
                var values = Values(row);
                var record = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count; i++)
                {
                    record[headers[i]] = values[i];
                }

                yield return record;
                if (++count % 500 == 0)
                {
                    progress?.Invoke(count);
                }
            }
        }

        await MiniExcel.SaveAsAsync(stream, Sheet(), sheetName: strings["Portfolio_SheetName"], excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        progress?.Invoke(list.Count);
        return list.Count;
    }
}

/// <summary>Where a background export stands, for the page's progress bar.</summary>
public sealed record ExportProgress(Guid Id, ExportFormat Format, int Written, int Total, bool Done, bool Failed, string FileName);

/// <summary>
/// Exports of the current view for staff, run in the background into a temp file so the page can show
/// progress (rows written of the total) and then download the finished file once
/// (<see cref="Open"/>). Only the user who started an export sees it. Files are deleted after the
/// download or after <see cref="PortfolioOptions.ExportKeepMinutes"/>.
/// </summary>
public sealed class PortfolioExports(PortfolioQuery query, PortfolioExportWriter writer, IOptions<PortfolioOptions> options, TimeProvider clock, ILogger<PortfolioExports> logger)
{
    private readonly ConcurrentDictionary<Guid, Entry> _exports = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-exports");

    private sealed class Entry
    {
        public required Guid Owner { get; init; }

        public required ExportFormat Format { get; init; }

        public required string Path { get; init; }

        public required string FileName { get; init; }

        public int Total { get; set; }

        public volatile int Written;

        public volatile bool Done;

        public volatile bool Failed;
    }

    /// <summary>Starts exporting every row of <paramref name="spec"/>; staff only.</summary>
    public async Task<Outcome<ExportProgress>> StartAsync(ClaimsPrincipal user, PortfolioSpec spec, ExportFormat format, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(user, spec, cancellationToken);
        if (!total.Succeeded || BrandDirectory.UserId(user) is not { } owner)
        {
            return Outcome<ExportProgress>.Fail(total.Errors);
        }

        Directory.CreateDirectory(_folder);
        var id = Guid.NewGuid();
        var entry = new Entry
        {
            Owner = owner,
            Format = format,
            Path = System.IO.Path.Combine(_folder, id.ToString("N")),
            FileName = PortfolioExportWriter.FileName(format, PlatformTime.DayOf(clock.GetUtcNow())),
            Total = total.Value,
        };
        _exports[id] = entry;
        var culture = CultureInfo.CurrentUICulture.Name;
        _ = Task.Run(async () =>
        {
            using var _ = PortalCultures.Use(culture);
            try
            {
                await using (var file = File.Create(entry.Path))
                {
                    var rows = query.AllAsync(user, spec, CancellationToken.None);
                    var written = format == ExportFormat.Csv
                        ? await writer.WriteCsvAsync(file, rows, n => entry.Written = n, CancellationToken.None)
                        : await writer.WriteXlsxAsync(file, rows, n => entry.Written = n, CancellationToken.None);
                    entry.Total = Math.Max(entry.Total, written);
                    entry.Written = written;
                }

                entry.Done = true;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Portfolio export {ExportId} failed", id);
                entry.Failed = true;
            }

            await Task.Delay(TimeSpan.FromMinutes(options.Value.ExportKeepMinutes));
            Forget(id);
        });
        return Outcome<ExportProgress>.Success(ToProgress(id, entry));
    }

    /// <summary>The export's progress, or null when it is not this user's (or is gone).</summary>
    public ExportProgress? Progress(ClaimsPrincipal user, Guid id) =>
        _exports.TryGetValue(id, out var entry) && entry.Owner == BrandDirectory.UserId(user) ? ToProgress(id, entry) : null;

    /// <summary>The finished file, once, for the user who started it; null otherwise. The file is deleted when the stream closes.</summary>
    public (Stream Content, string FileName, string ContentType)? Open(ClaimsPrincipal user, Guid id)
    {
        if (!_exports.TryGetValue(id, out var entry) || entry.Owner != BrandDirectory.UserId(user) || !entry.Done || !BrandDirectory.IsStaff(user))
        {
            return null;
        }

        _exports.TryRemove(id, out _);
        var stream = new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return (stream, entry.FileName, PortfolioExportWriter.ContentType(entry.Format));
    }

    private void Forget(Guid id)
    {
        if (_exports.TryRemove(id, out var entry))
        {
            try
            {
                File.Delete(entry.Path);
            }
            catch (IOException)
            {
                // Being downloaded right now: DeleteOnClose removes it.
            }
        }
    }

    private static ExportProgress ToProgress(Guid id, Entry entry) =>
        new(id, entry.Format, entry.Written, entry.Total, entry.Done, entry.Failed, entry.FileName);
}
