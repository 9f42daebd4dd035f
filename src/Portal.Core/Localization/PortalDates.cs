using System.Globalization;

namespace Portal.Core.Localization;

/// <summary>
/// The portal's one way of writing days and times, in both languages: 2026-11-16 and 2026-11-16 20:00,
/// always the platform's time (China Standard Time). Culture patterns disagreed (11/16/2026,
/// 2026/11/16, "Monday, November 16, 2026"); an ISO day reads the same to every reader and sorts.
/// See docs/GLOSSARY.md.
/// </summary>
public static class PortalDates
{
    public const string DayPattern = "yyyy-MM-dd";
    public const string DayTimePattern = "yyyy-MM-dd HH:mm";
    public const string MonthPattern = "yyyy-MM";

    /// <summary>A day: 2026-11-16.</summary>
    public static string Day(DateOnly day) => day.ToString(DayPattern, CultureInfo.InvariantCulture);

    /// <summary>A day, or <paramref name="none"/> when there is none.</summary>
    public static string Day(DateOnly? day, string none = "") => day is { } d ? Day(d) : none;

    /// <summary>The platform day of an instant: 2026-11-16.</summary>
    public static string Day(DateTimeOffset instant) => Day(PlatformTime.DayOf(instant));

    /// <summary>An instant on the platform's clock: 2026-11-16 20:00.</summary>
    public static string DayTime(DateTimeOffset instant) =>
        PlatformTime.ToPlatform(instant).ToString(DayTimePattern, CultureInfo.InvariantCulture);

    /// <summary>An instant to the second (audit records): 2026-11-16 20:00:05.</summary>
    public static string DayTimeSeconds(DateTimeOffset instant) =>
        PlatformTime.ToPlatform(instant).ToString(DayTimePattern + ":ss", CultureInfo.InvariantCulture);

    /// <summary>A month: 2026-11.</summary>
    public static string Month(DateOnly day) => day.ToString(MonthPattern, CultureInfo.InvariantCulture);
}
