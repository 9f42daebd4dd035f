namespace Portal.Core;

/// <summary>The platform's time zone (China Standard Time): days, months and working days are counted in it.</summary>
public static class PlatformTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The platform's local date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The platform's local time of an instant.</summary>
    public static DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

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
