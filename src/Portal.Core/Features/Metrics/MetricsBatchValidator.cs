using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Features.Metrics;

/// <summary>
/// The checks of <see cref="MetricsIngestionService"/>, before anything is written: brands known (and allowed
/// for a brand-scoped caller), days in ISO form between <see cref="MetricsIngestionService.EarliestDate"/> and
/// the platform's today, amounts and counts in range, one row per brand and day.
/// </summary>
internal sealed class MetricsBatchValidator(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MetricsStrings> strings,
    IOptions<MetricsOptions> options,
    TimeProvider clock)
{
    private const decimal MaxMoney = MetricsIngestionService.MaxMoney;
    private const long MaxCount = MetricsIngestionService.MaxCount;
    private static readonly DateOnly EarliestDate = MetricsIngestionService.EarliestDate;

    /// <summary>Checks every row: the rows as they would be stored, or every problem found (each by row index, field and a localized reason).</summary>
    public async Task<(IReadOnlyList<DailyMetric> Rows, IReadOnlyList<MetricRowError> Errors)> ValidateAsync(
        IReadOnlyList<MetricRowInput> rows, MetricsIngestionOptions? ingestion = null, CancellationToken cancellationToken = default)
    {
        ingestion ??= new MetricsIngestionOptions();
        var errors = new List<MetricRowError>();
        var settings = options.Value;
        if (rows.Count == 0)
        {
            return ([], [new MetricRowError(null, MetricFields.Rows, strings["Metrics_NoRows"])]);
        }

        var maxRows = ingestion.MaxRows ?? settings.MaxRowsPerBatch;
        if (rows.Count > maxRows)
        {
            return ([], [new MetricRowError(null, MetricFields.Rows, strings["Metrics_TooManyRows", maxRows])]);
        }

        var codes = rows.Select(r => NormalizeCode(r?.Brand)).Where(c => c.Length > 0).Distinct().ToList();
        Dictionary<string, Guid> brandIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            brandIds = await db.Brands.AsNoTracking()
                .Where(b => codes.Contains(b.Code))
                .ToDictionaryAsync(b => b.Code, b => b.Id, StringComparer.Ordinal, cancellationToken);
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var seen = new Dictionary<(Guid, DateOnly), int>(rows.Count);
        var result = new List<DailyMetric>(rows.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            var before = errors.Count;
            void Fail(string field, string reason) => errors.Add(new MetricRowError(index, field, reason));
            if (rows[index] is not { } row)
            {
                Fail(MetricFields.Rows, strings["Metrics_RowEmpty"]); // JSON's null in the list
                continue;
            }

            var code = NormalizeCode(row.Brand);
            Guid brandId = default;
            if (code.Length == 0)
            {
                Fail(MetricFields.Brand, strings["Metrics_BrandRequired"]);
            }
            else if (!brandIds.TryGetValue(code, out brandId))
            {
                Fail(MetricFields.Brand, strings["Metrics_BrandUnknown", code]);
            }
            else if (ingestion.OnlyBrandId is { } only && only != brandId)
            {
                Fail(MetricFields.Brand, strings["Metrics_BrandNotAllowed", code]);
            }

            DateOnly date = default;
            if (string.IsNullOrWhiteSpace(row.Date))
            {
                Fail(MetricFields.Date, strings["Metrics_DateRequired"]);
            }
            else if (!DateOnly.TryParseExact(row.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                Fail(MetricFields.Date, strings["Metrics_DateFormat", row.Date]);
            }
            else if (date > today)
            {
                Fail(MetricFields.Date, strings["Metrics_DateInFuture", row.Date]);
            }
            else if (date < EarliestDate)
            {
                Fail(MetricFields.Date, strings["Metrics_DateTooEarly", EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }

            Money(row.Gmv, MetricFields.Gmv, Fail);
            Money(row.DistributionGmv, MetricFields.DistributionGmv, Fail);
            Money(row.AdSpend, MetricFields.AdSpend, Fail);
            Money(row.AdGmv, MetricFields.AdGmv, Fail);
            Count(row.Orders, MetricFields.Orders, Fail);
            Count(row.PaidOrders, MetricFields.PaidOrders, Fail);
            Count(row.Streams, MetricFields.Streams, Fail);
            Count(row.LiveMinutes, MetricFields.LiveMinutes, Fail);
            Count(row.PeakViewers, MetricFields.PeakViewers, Fail);
            Count(row.NewFans, MetricFields.NewFans, Fail);
            Count(row.Fans, MetricFields.Fans, Fail);
            Count(row.FanGroupMembers, MetricFields.FanGroupMembers, Fail);
            Count(row.Influencers, MetricFields.Influencers, Fail);
            Count(row.ExclusiveSkus, MetricFields.ExclusiveSkus, Fail);
            if (row.RepurchaseRate is { } rate)
            {
                if (rate is < 0 or > 1)
                {
                    Fail(MetricFields.RepurchaseRate, strings["Metrics_RateRange"]);
                }
                else if (decimal.Round(rate, 4) != rate)
                {
                    Fail(MetricFields.RepurchaseRate, strings["Metrics_RateDecimals"]);
                }
            }

            if (brandId != default && date != default)
            {
                if (seen.TryGetValue((brandId, date), out var first))
                {
                    Fail(MetricFields.Date, strings["Metrics_Duplicate", first + ingestion.RowNumberBase]);
                }
                else
                {
                    seen.Add((brandId, date), index);
                }
            }

            if (errors.Count == before)
            {
                result.Add(DailyMetric.From(row, brandId, date));
            }
        }

        return errors.Count > 0 ? ([], errors) : (result, errors);
    }

    private void Money(decimal? value, string field, Action<string, string> fail)
    {
        if (value is not { } amount)
        {
            return;
        }

        if (amount < 0)
        {
            fail(field, strings["Metrics_Negative"]);
        }
        else if (amount > MaxMoney)
        {
            fail(field, strings["Metrics_TooLarge"]);
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            fail(field, strings["Metrics_MoneyDecimals"]);
        }
    }

    private void Count(long? value, string field, Action<string, string> fail)
    {
        if (value < 0)
        {
            fail(field, strings["Metrics_Negative"]);
        }
        else if (value > MaxCount)
        {
            fail(field, strings["Metrics_TooLarge"]);
        }
    }

    private static string NormalizeCode(string? code) => code?.Trim().ToLowerInvariant() ?? "";
}
