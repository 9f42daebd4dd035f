using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Portal.Core.Features.Metrics;

/// <summary>The rows a CSV file holds, or every reason it cannot be read; a row's line is its index plus <see cref="MetricsCsvImport.FirstDataLine"/>.</summary>
public sealed record MetricsCsvRead(IReadOnlyList<MetricRowInput> Rows, IReadOnlyList<MetricRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The header and first rows of a CSV file as written (cells untouched), and how many data rows it holds.</summary>
public sealed record MetricsCsvPreview(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, int RowCount, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Reads a CSV file with the API's columns (header names as in <see cref="MetricFields.All"/>, in any
/// order and case; a missing column or an empty cell is an unknown figure) and hands the rows to
/// <see cref="MetricsIngestionService"/>, all or nothing. The file is streamed through CsvHelper, so
/// only the parsed rows are held, never a second copy of the file.
/// </summary>
public sealed class MetricsCsvImport(
    MetricsIngestionService ingestion, MetricsImportRecording recording, IStringLocalizer<MetricsStrings> strings, IOptions<MetricsOptions> options,
    Microsoft.EntityFrameworkCore.IDbContextFactory<Data.PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Line 1 is the header, so the row at index 0 is line 2.</summary>
    public const int FirstDataLine = 2;

    private static readonly string[] Required = [MetricFields.Brand, MetricFields.Date];

    /// <summary>
    /// The header and the first <paramref name="rows"/> rows as text, for a look before importing, and
    /// the number of data rows (streamed through, nothing else kept), so an import can report a percentage.
    /// </summary>
    public async Task<MetricsCsvPreview> PreviewAsync(Stream stream, int rows = 10, CancellationToken cancellationToken = default)
    {
        var first = new List<IReadOnlyList<string>>();
        var count = 0;
        var broken = new BrokenQuoting();
        try
        {
            await using var csv = CsvReader.Create(stream, Reading(broken), true);
            var more = await csv.ReadAsync(cancellationToken);
            var header = csv.Headers?.Select(h => h ?? "").ToArray() ?? [];
            if (header.Length == 0)
            {
                return new([], [], 0, strings["Metrics_CsvEmpty"]);
            }

            for (; more; more = await csv.ReadAsync(cancellationToken))
            {
                if (count++ < rows)
                {
                    first.Add(Enumerable.Range(0, header.Length).Select(i => i < csv.FieldCount ? csv.GetStringOrNull(i) ?? "" : "").ToArray());
                }
            }

            return broken.Record is { } at ? new([], [], 0, strings["Metrics_CsvUnreadableAt", at]) : new(header, first, count, null);
        }
        catch (CsvFormatException ex)
        {
            return new([], [], 0, Unreadable(ex));
        }
    }

    // Quoting that recovery would turn into another value is refused: "1"2 reads as 12, a figure nobody wrote, and a
    // quote never closed swallows the lines after it. A stray quote inside unquoted text (12" screen, in a column the
    // import does not read) is kept as written, as before.
    private static CsvReaderOptions Reading(BrokenQuoting broken) => new()
    {
        HasHeader = true,
        TrimWhitespace = true,
        OnMalformedRecord = record =>
        {
            if (record.Reason is CsvMalformedReason.TextAfterClosingQuote or CsvMalformedReason.UnterminatedQuote)
            {
                broken.Record ??= record.RecordNumber;
            }
        },
    };

    /// <summary>The first record whose quoting the reader had to guess at, if any.</summary>
    private sealed class BrokenQuoting
    {
        public long? Record { get; set; }
    }

    // The reader's own message is English and written for developers; the person is told where, in their language.
    private string Unreadable(CsvFormatException ex) => ex.RecordNumber > 0
        ? strings["Metrics_CsvUnreadableAt", ex.RecordNumber]
        : strings["Metrics_CsvUnreadable"];

    /// <summary>Reads the file; a figure that is not a number is reported with its row index and column.</summary>
    public async Task<MetricsCsvRead> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var rows = new List<MetricRowInput>();
        var errors = new List<MetricRowError>();
        var broken = new BrokenQuoting();
        if (stream.CanSeek && stream.Length > settings.MaxCsvBytes)
        {
            return new([], [new MetricRowError(null, MetricFields.Rows, strings["Metrics_CsvTooLarge", Math.Max(1, settings.MaxCsvBytes / (1024 * 1024))])]);
        }

        try
        {
            await using var csv = CsvReader.Create(stream, Reading(broken), true);
            var more = await csv.ReadAsync(cancellationToken);
            var header = csv.Headers?.ToArray() ?? [];
            if (header.Length == 0)
            {
                return new([], [new MetricRowError(null, MetricFields.Rows, strings["Metrics_CsvEmpty"])]);
            }

            var columns = MetricFields.All.ToDictionary(f => f, f => Array.FindIndex(header, h => string.Equals(h?.Trim(), f, StringComparison.OrdinalIgnoreCase)));
            var missing = Required.Where(f => columns[f] < 0).ToList();
            if (missing.Count > 0)
            {
                return new([], [new MetricRowError(null, MetricFields.Rows, strings["Metrics_CsvMissingColumns", string.Join(", ", missing)])]);
            }

            for (; more; more = await csv.ReadAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (rows.Count >= settings.MaxCsvRows)
                {
                    return new([], [new MetricRowError(null, MetricFields.Rows, strings["Metrics_CsvTooManyRows", settings.MaxCsvRows])]);
                }

                var index = rows.Count;
                string? Cell(string field) => columns[field] is >= 0 and var at && at < csv.FieldCount && csv.GetStringOrNull(at) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

                decimal? Number(string field)
                {
                    if (Cell(field) is not { } cell)
                    {
                        return null;
                    }

                    if (decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                    {
                        return value;
                    }

                    errors.Add(new MetricRowError(index, field, strings["Metrics_NotANumber", cell]));
                    return null;
                }

                long? Whole(string field)
                {
                    if (Cell(field) is not { } cell)
                    {
                        return null;
                    }

                    if (long.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
                    {
                        return value;
                    }

                    errors.Add(new MetricRowError(index, field, strings["Metrics_NotAWholeNumber", cell]));
                    return null;
                }

                rows.Add(new MetricRowInput
                {
                    Brand = Cell(MetricFields.Brand),
                    Date = Cell(MetricFields.Date),
                    Gmv = Number(MetricFields.Gmv),
                    Orders = Whole(MetricFields.Orders),
                    PaidOrders = Whole(MetricFields.PaidOrders),
                    Streams = Whole(MetricFields.Streams),
                    LiveMinutes = Whole(MetricFields.LiveMinutes),
                    PeakViewers = Whole(MetricFields.PeakViewers),
                    NewFans = Whole(MetricFields.NewFans),
                    Fans = Whole(MetricFields.Fans),
                    FanGroupMembers = Whole(MetricFields.FanGroupMembers),
                    RepurchaseRate = Number(MetricFields.RepurchaseRate),
                    DistributionGmv = Number(MetricFields.DistributionGmv),
                    Influencers = Whole(MetricFields.Influencers),
                    AdSpend = Number(MetricFields.AdSpend),
                    AdGmv = Number(MetricFields.AdGmv),
                    ExclusiveSkus = Whole(MetricFields.ExclusiveSkus),
                });
            }
        }
        catch (CsvFormatException ex)
        {
            return new([], [new MetricRowError(null, MetricFields.Rows, Unreadable(ex))]);
        }

        if (broken.Record is { } at)
        {
            return new([], [new MetricRowError(null, MetricFields.Rows, strings["Metrics_CsvUnreadableAt", at])]);
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new MetricRowError(null, MetricFields.Rows, strings["Metrics_CsvEmpty"]));
        }

        return new(errors.Count > 0 ? [] : rows, errors);
    }

    /// <summary>
    /// The import as <paramref name="user"/> may run it: staff for any brand, a brand's member (or a provider's
    /// person while the brand delegates metrics import) only for that brand's figures (<paramref name="onlyBrandId"/>);
    /// anyone else is refused and nothing is read.
    /// </summary>
    public async Task<MetricsIngestionOutcome> ImportAsync(System.Security.Claims.ClaimsPrincipal user, Stream stream, Guid? onlyBrandId, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var allowed = Brands.BrandDirectory.IsStaff(user);
        if (!allowed && onlyBrandId is { } brandId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            allowed = await Brands.BrandDirectory.MayWorkAsync(db, user, brandId, Providers.DelegatedArea.MetricsImport, clock, cancellationToken);
        }

        if (!allowed)
        {
            return new MetricsIngestionOutcome(null, [new MetricRowError(null, MetricFields.Rows, strings["Metrics_CsvNotAllowed"])]);
        }

        var read = await ReadAsync(stream, cancellationToken);
        if (!read.Succeeded)
        {
            return new MetricsIngestionOutcome(null, read.Errors);
        }

        // The records commit in the rows' transaction: an import is never left without its audit trail.
        var record = Brands.BrandDirectory.UserId(user) is { } userId ? recording.ForPerson(userId, read.Rows) : null;
        return await IngestAsync(read.Rows, onlyBrandId, progress, record, cancellationToken);
    }

    /// <summary>
    /// Reads and, when every row is readable and valid, writes the file all or nothing. Messages that name
    /// another row use line numbers; <paramref name="onlyBrandId"/> limits the file to one brand's figures.
    /// </summary>
    public async Task<MetricsIngestionOutcome> ImportAsync(Stream stream, Guid? onlyBrandId = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(stream, cancellationToken);
        if (!read.Succeeded)
        {
            return new MetricsIngestionOutcome(null, read.Errors);
        }

        return await IngestAsync(read.Rows, onlyBrandId, progress, beforeCommit: null, cancellationToken);
    }

    private Task<MetricsIngestionOutcome> IngestAsync(
        IReadOnlyList<MetricRowInput> rows, Guid? onlyBrandId, IProgress<int>? progress, Func<Data.PortalDbContext, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        return ingestion.IngestAsync(rows, new MetricsIngestionOptions
        {
            OnlyBrandId = onlyBrandId,
            RowNumberBase = FirstDataLine,
            MaxRows = options.Value.MaxCsvRows,
            Progress = progress,
            BeforeCommit = beforeCommit,
        }, cancellationToken);
    }

    /// <summary>The line of the file a row error points at, or null for the file as a whole.</summary>
    public static int? LineOf(MetricRowError error) => error.Index + FirstDataLine;
}
