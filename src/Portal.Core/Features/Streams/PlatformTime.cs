namespace Portal.Core.Features.Streams;

/// <summary>
/// The platform's clock face: China Standard Time, UTC+8 all year (China has no daylight saving).
/// Instants are stored in UTC; days, weeks and months are those of China.
/// </summary>
public static class PlatformTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant as China shows it.</summary>
    public static DateTimeOffset ToPlatform(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The instant of a wall-clock date and time in China.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>The day in China on which the instant falls.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToPlatform(instant).DateTime);

    /// <summary>The days of the month: first day, and the first day of the next month (exclusive).</summary>
    public static (DateOnly From, DateOnly To) Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (first, first.AddMonths(1));
    }

    /// <summary>The Monday-to-Sunday week holding <paramref name="day"/> (weeks start on Monday in China).</summary>
    public static (DateOnly From, DateOnly To) Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(7));
    }
}
