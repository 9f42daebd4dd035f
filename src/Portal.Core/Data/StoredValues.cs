using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Data.Configurations;

namespace Portal.Core.Data;

/// <summary>
/// How the SQLite schema stores the values that hand-written SQL binds and reads, in one place, so raw
/// statements write exactly what EF Core writes (ADR 0020): keys as upper-case Guid text, days as
/// <c>yyyy-MM-dd</c> text, instants as the ticks of <see cref="StoredInstantConverter"/>, money as whole fen,
/// rates as parts per ten thousand, decimals as EF's invariant text, and id lists as one JSON parameter
/// unpacked by <c>json_each</c>. Only storage: what people see is written by <c>PortalDates</c>.
/// </summary>
public static class StoredValues
{
    private static readonly StoredInstantConverter InstantConverter = new();

    /// <summary>A Guid as EF Core's SQLite provider stores it: upper-case text.</summary>
    public static string Key(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>A day as EF Core's SQLite provider stores a DateOnly: <c>yyyy-MM-dd</c> text.</summary>
    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>A month as the summaries store it (<c>MetricMonths.Month</c>): <c>yyyy-MM</c> text.</summary>
    public static string Month(DateOnly day) => day.ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>An instant as the model stores every DateTimeOffset (<see cref="StoredInstantConverter"/>).</summary>
    public static long Instant(DateTimeOffset instant) => (long)InstantConverter.ConvertToProvider(instant)!;

    /// <summary>An amount in yuan as stored: whole fen.</summary>
    public static long Fen(decimal yuan) => (long)(yuan * MetricStorage.FenPerYuan);

    /// <summary>Whole fen back to yuan.</summary>
    public static decimal Yuan(long fen) => fen / MetricStorage.FenPerYuan;

    /// <summary>A rate (0 to 1) as stored: parts per ten thousand.</summary>
    public static long Rate(decimal rate) => (long)(rate * MetricStorage.RateScale);

    /// <summary>A decimal as EF Core's SQLite provider writes it: invariant text with at least one decimal place.</summary>
    public static string DecimalText(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    /// <summary>Ids as one JSON array of stored keys, the parameter a <c>json_each</c> list reads.</summary>
    public static string KeyList(IEnumerable<Guid> ids) => JsonSerializer.Serialize(ids.Select(Key));

    /// <summary>Rows of stored values as one JSON array of arrays, unpacked by <c>json_each</c> (<c>value ->> 0</c>, ...).</summary>
    public static string Rows(IEnumerable<object[]> rows) => JsonSerializer.Serialize(rows);

    /// <summary>A value for a parameter: <see cref="DBNull"/> for null.</summary>
    public static object OrNull(object? value) => value ?? DBNull.Value;

    /// <summary>Reads a stored key.</summary>
    public static Guid GetKey(this DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    /// <summary>Reads a stored day.</summary>
    public static DateOnly GetDay(this DbDataReader reader, int ordinal) => ParseDay(reader.GetString(ordinal));

    /// <summary>Reads a stored day that may be NULL.</summary>
    public static DateOnly? GetDayOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDay(ordinal);

    /// <summary>Reads a stored month (<c>yyyy-MM</c>) as its first day.</summary>
    public static DateOnly GetMonth(this DbDataReader reader, int ordinal) => ParseDay(reader.GetString(ordinal) + "-01");

    /// <summary>Reads a stored instant that may be NULL.</summary>
    public static DateTimeOffset? GetInstantOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : (DateTimeOffset)InstantConverter.ConvertFromProvider(reader.GetInt64(ordinal))!;

    /// <summary>Reads a stored amount (fen) as yuan.</summary>
    public static decimal GetYuan(this DbDataReader reader, int ordinal) => Yuan(reader.GetInt64(ordinal));

    /// <summary>An instant as it reads back from storage (the ticks keep no offset: UTC, and no finer than a tick).</summary>
    public static DateTimeOffset RoundTrip(DateTimeOffset instant) =>
        (DateTimeOffset)InstantConverter.ConvertFromProvider(InstantConverter.ConvertToProvider(instant))!;

    private const string DayFormat = "yyyy-MM-dd";
    private const string MonthFormat = "yyyy-MM";

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture);
}

/// <summary>
/// How every DateTimeOffset is stored on SQLite (<see cref="PortalDbContext"/>'s conventions), and what
/// <see cref="StoredValues.Instant"/> binds: the binary (ticks) encoding keeps instants in order, so SQL can
/// compare and sort them, which DateTimeOffset text cannot.
/// </summary>
public sealed class StoredInstantConverter : DateTimeOffsetToBinaryConverter;
