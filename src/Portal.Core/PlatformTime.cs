namespace Portal.Core;

/// <summary>
/// The platform's clock face: China Standard Time, UTC+8 all year (China has no daylight saving).
/// Instants are stored in UTC; days, weeks, months and working days are those of China.
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

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day (Monday to Friday) after <paramref name="day"/>:
    /// submitted on a Monday with 3 days → Thursday; on a Friday or at the weekend → Wednesday.
    /// Public holidays are not known to the portal.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        var result = day;
        var counted = 0;
        while (counted < workingDays)
        {
            result = result.AddDays(1);
            if (result.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return result;
    }
}
