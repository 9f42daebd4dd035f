using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Portal.Core.Data.Configurations;

namespace Portal.Core.Data;

/// <summary>
/// How each engine stores the values that hand-written SQL binds and reads, in one place, so raw statements
/// write exactly what EF Core writes (ADR 0020). On SQLite: keys as upper-case Guid text, days as
/// <c>yyyy-MM-dd</c> text, instants as the integer of <see cref="StoredInstantConverter"/> (EF Core's binary
/// DateTimeOffset layout at 100 µs, written in UTC), decimals as EF's invariant text, id lists as one JSON
/// parameter unpacked by <c>json_each</c>. On PostgreSQL the native values (<c>uuid</c>, <c>date</c>,
/// <c>timestamptz</c> cut to microseconds, <c>numeric</c>, <c>uuid[]</c>).
/// Both: money as whole fen, rates as parts per ten thousand, months as <c>yyyy-MM</c> text. Binders take the
/// engine (<see cref="For(DbConnection)"/>); readers accept either form. Only storage: what people see is
/// written by <c>PortalDates</c>.
/// </summary>
public abstract class StoredValues
{
    private static readonly StoredInstantConverter InstantConverter = new();

    /// <summary>SQLite's forms.</summary>
    public static StoredValues Sqlite { get; } = new SqliteValues();

    /// <summary>PostgreSQL's forms.</summary>
    public static StoredValues Postgres { get; } = new PostgresValues();

    /// <summary>SQL for the month (<c>yyyy-MM</c> text, as months are stored) of the stored day <paramref name="day"/>.</summary>
    public abstract string MonthOfSql(string day);

    /// <summary>SQL for the first day of the stored month <paramref name="month"/>, comparable with stored days.</summary>
    public abstract string MonthStartSql(string month);

    /// <summary>SQL for a bound above every day of the stored month <paramref name="month"/>: its days are <c>&gt;= start</c> and <c>&lt;</c> this.</summary>
    public abstract string AfterMonthSql(string month);

    /// <summary>SQL for a stored key as SQLite's text of it (upper-case Guid), e.g. for a list both engines return alike.</summary>
    public abstract string KeyTextSql(string key);

    /// <summary>The forms of the engine behind <paramref name="connection"/>.</summary>
    public static StoredValues For(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>The forms of the engine behind <paramref name="database"/>.</summary>
    public static StoredValues For(DatabaseFacade database) => database.IsNpgsql() ? Postgres : Sqlite;

    /// <summary>Whether these are PostgreSQL's forms (for the few statements written twice).</summary>
    public abstract bool IsPostgres { get; }

    /// <summary>A Guid as stored.</summary>
    public abstract object Key(Guid id);

    /// <summary>A day (DateOnly) as stored.</summary>
    public abstract object Day(DateOnly day);

    /// <summary>An instant as the model stores every DateTimeOffset.</summary>
    public abstract object Instant(DateTimeOffset instant);

    /// <summary>A decimal (not money: <see cref="Fen"/>) as stored.</summary>
    public abstract object Decimal(decimal value);

    /// <summary>Ids as one list parameter: a JSON array for <c>json_each</c> on SQLite, a <c>uuid[]</c> for <c>unnest</c>/<c>ANY</c> on PostgreSQL.</summary>
    public abstract object KeyList(IEnumerable<Guid> ids);

    /// <summary>An instant as it reads back from storage (UTC; no finer than 100 µs on SQLite, a microsecond on PostgreSQL).</summary>
    public abstract DateTimeOffset RoundTrip(DateTimeOffset instant);

    /// <summary>A day that may be missing: <see cref="DBNull"/> for null.</summary>
    public object DayOrNull(DateOnly? day) => day is { } value ? Day(value) : DBNull.Value;

    /// <summary>An instant that may be missing: <see cref="DBNull"/> for null.</summary>
    public object InstantOrNull(DateTimeOffset? instant) => instant is { } value ? Instant(value) : DBNull.Value;

    /// <summary>A month as the summaries store it on both engines (<c>MetricMonths.Month</c>): <c>yyyy-MM</c> text.</summary>
    public static string Month(DateOnly day) => day.ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>A day as text (<c>yyyy-MM-dd</c>) where the model keeps a day in a text column on both engines (a milestone's period).</summary>
    public static string DayText(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>An amount in yuan as stored: whole fen.</summary>
    public static long Fen(decimal yuan) => (long)(yuan * MetricStorage.FenPerYuan);

    /// <summary>An amount that may be missing, in fen, or <see cref="DBNull"/>.</summary>
    public static object FenOrNull(decimal? yuan) => yuan is { } value ? Fen(value) : DBNull.Value;

    /// <summary>Whole fen back to yuan.</summary>
    public static decimal Yuan(long fen) => fen / MetricStorage.FenPerYuan;

    /// <summary>A rate (0 to 1) as stored: parts per ten thousand.</summary>
    public static long Rate(decimal rate) => (long)(rate * MetricStorage.RateScale);

    /// <summary>Rows of stored values as one JSON array of arrays (<c>json_each</c> / <c>jsonb_array_elements</c>, then <c>value ->> 0</c>, ...).</summary>
    public static string Rows(IEnumerable<object[]> rows) => JsonSerializer.Serialize(rows);

    /// <summary>A value for a parameter: <see cref="DBNull"/> for null.</summary>
    public static object OrNull(object? value) => value ?? DBNull.Value;

    /// <summary>Reads a stored key (text or uuid).</summary>
    public static Guid GetKey(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

    /// <summary>Reads a stored day (text or date).</summary>
    public static DateOnly GetDay(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? ParseDay(reader.GetString(ordinal)) : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>Reads a stored instant (SQLite's binary integer or timestamptz).</summary>
    public static DateTimeOffset GetInstant(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(long) || reader.GetFieldType(ordinal) == typeof(byte[])
            ? (DateTimeOffset)InstantConverter.ConvertFromProvider(reader.GetInt64(ordinal))!
            : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Reads a stored month (<c>yyyy-MM</c>) as its first day.</summary>
    public static DateOnly GetMonth(DbDataReader reader, int ordinal) => ParseDay(reader.GetString(ordinal) + "-01");

    private const string DayFormat = "yyyy-MM-dd";
    private const string MonthFormat = "yyyy-MM";

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture);

    private sealed class SqliteValues : StoredValues
    {
        public override bool IsPostgres => false;

        // Days are ISO text: the month is their first seven characters, and "-32" sorts after every day of it.
        public override string MonthOfSql(string day) => $"substr({day}, 1, 7)";

        public override string MonthStartSql(string month) => $"{month} || '-01'";

        public override string AfterMonthSql(string month) => $"{month} || '-32'";

        public override string KeyTextSql(string key) => key;

        public override object Key(Guid id) => id.ToString().ToUpperInvariant();

        public override object Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

        public override object Instant(DateTimeOffset instant) => (long)InstantConverter.ConvertToProvider(instant)!;

        public override object Decimal(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

        public override object KeyList(IEnumerable<Guid> ids) => JsonSerializer.Serialize(ids.Select(Key));

        public override DateTimeOffset RoundTrip(DateTimeOffset instant) =>
            (DateTimeOffset)InstantConverter.ConvertFromProvider(InstantConverter.ConvertToProvider(instant))!;
    }

    private sealed class PostgresValues : StoredValues
    {
        public override bool IsPostgres => true;

        public override string MonthOfSql(string day) => $"to_char({day}, 'YYYY-MM')";

        public override string MonthStartSql(string month) => $"CAST({month} || '-01' AS date)";

        public override string AfterMonthSql(string month) => $"CAST({MonthStartSql(month)} + INTERVAL '1 month' AS date)";

        public override string KeyTextSql(string key) => $"upper({key}::text)";

        public override object Key(Guid id) => id;

        public override object Day(DateOnly day) => day;

        public override object Instant(DateTimeOffset instant) => RoundTrip(instant);

        public override object Decimal(decimal value) => value;

        public override object KeyList(IEnumerable<Guid> ids) => ids.ToArray();

        public override DateTimeOffset RoundTrip(DateTimeOffset instant)
        {
            var utc = instant.ToUniversalTime();
            return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
        }
    }
}

/// <summary>Reading stored values from a row, whichever engine wrote them (<see cref="StoredValues"/>).</summary>
public static class StoredValueReader
{
    /// <summary>Reads a stored key.</summary>
    public static Guid GetKey(this DbDataReader reader, int ordinal) => StoredValues.GetKey(reader, ordinal);

    /// <summary>Reads a stored day.</summary>
    public static DateOnly GetDay(this DbDataReader reader, int ordinal) => StoredValues.GetDay(reader, ordinal);

    /// <summary>Reads a stored day that may be NULL.</summary>
    public static DateOnly? GetDayOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : StoredValues.GetDay(reader, ordinal);

    /// <summary>Reads a stored month (<c>yyyy-MM</c>) as its first day.</summary>
    public static DateOnly GetMonth(this DbDataReader reader, int ordinal) => StoredValues.GetMonth(reader, ordinal);

    /// <summary>Reads a stored instant that may be NULL.</summary>
    public static DateTimeOffset? GetInstantOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : StoredValues.GetInstant(reader, ordinal);

    /// <summary>Reads a stored amount (fen) as yuan.</summary>
    public static decimal GetYuan(this DbDataReader reader, int ordinal) => StoredValues.Yuan(reader.GetInt64(ordinal));
}

/// <summary>
/// How every DateTimeOffset is stored on SQLite (<see cref="PortalDbContext"/>'s conventions), and what
/// <see cref="StoredValues.Instant"/> binds there: EF Core's binary encoding (ticks in units of 100 µs, shifted left
/// 11 bits, the offset in minutes in those 11 bits) of the instant in UTC. The ticks are the clock's reading at the
/// offset, so only values at one offset keep instants in order: an instant in China time (+08:00) would sort and
/// compare 8 hours late against the UTC ones. Every value is therefore written in UTC, as PostgreSQL's
/// <see cref="UtcInstantConverter"/> does; reading still honours a stored offset (migration <c>InstantsInUtc</c>
/// re-encoded the rows written before).
/// </summary>
public sealed class StoredInstantConverter() : ValueConverter<DateTimeOffset, long>(
    v => (v.UtcTicks / 1000) << 11,
    v => new DateTimeOffset(new DateTime((v >> 11) * 1000), TimeSpan.FromMinutes((v << 53) >> 53)));

/// <summary>
/// How every DateTimeOffset is stored on PostgreSQL: as the same instant in UTC (<c>timestamptz</c> keeps no offset,
/// and Npgsql refuses any other), so an instant stamped in China time saves as it would in UTC.
/// </summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
