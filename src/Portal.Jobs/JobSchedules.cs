namespace Portal.Jobs;

/// <summary>The zone every recurring job's cron is read in: China Standard Time, where the platform's day turns.</summary>
internal static class JobSchedules
{
    /// <summary>
    /// Asia/Shanghai. Hangfire keeps the zone's id with the job and finds the zone again by it, so it must be a system
    /// zone (a custom "UTC+8" would stop the job being scheduled); UTC only on a host with no zones installed.
    /// </summary>
    public static TimeZoneInfo ChinaStandardTime =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.Utc;
}
