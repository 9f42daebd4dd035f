using Portal.Core;
using System.Globalization;
using MudBlazor;
using Portal.Core.Features.Streams;
using Portal.Core.Formatting;

namespace Portal.Web.Components.Pages.Streams;

/// <summary>How the planner writes money, times and states.</summary>
public static class StreamFormat
{
    /// <summary>Exact yuan in the reader's number format (<see cref="Figures.MoneyExact"/>): ¥1,234.50, ¥5,000.</summary>
    public static string Money(decimal amount) => Figures.MoneyExact(amount);

    /// <summary>A whole number in the reader's format: 12,345.</summary>
    public static string Number(int value) => Figures.CountExact(value);

    /// <summary>Wall-clock time in China: 20:00.</summary>
    public static string Time(DateTimeOffset instant) => PlatformTime.ToPlatform(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Date and time in China: 2026-12-01 20:00.</summary>
    public static string DateTime(DateTimeOffset instant) => Portal.Core.Localization.PortalDates.DayTime(instant);

    public static Color StatusColor(StreamStatus status) => status switch
    {
        StreamStatus.Ready => Color.Info,
        StreamStatus.Done => Color.Success,
        StreamStatus.Cancelled => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The status's icon beside its colour, so it does not rest on colour alone (WCAG 1.4.1).</summary>
    public static string StatusIcon(StreamStatus status) => status switch
    {
        StreamStatus.Ready => Icons.Material.Filled.CheckCircleOutline,
        StreamStatus.Done => Icons.Material.Filled.DoneAll,
        StreamStatus.Cancelled => Icons.Material.Filled.Block,
        _ => Icons.Material.Filled.EditNote,
    };
}
