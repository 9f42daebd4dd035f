using System.Globalization;

namespace Portal.Core.Features.Journey;

/// <summary>One task of the STEPS playbook, the same for every brand; its texts are in both languages.</summary>
public sealed class PlaybookTask : Data.IAudited, AdminConfig.IAdminEditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public StepsArea Area { get; set; }

    /// <summary>Stable, unique slug ("e-hero-products"); seeding and milestones name tasks by it.</summary>
    public required string Code { get; set; }

    public required string TitleZh { get; set; }

    public required string TitleEn { get; set; }

    public string DescriptionZh { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    /// <summary>Order within the area; the first open task by this order is the next one.</summary>
    public int SortOrder { get; set; }

    /// <summary>Retired tasks stay for their history but leave the board and its counts.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Optimistic concurrency: two administrators editing the same row cannot both win.</summary>
    public int Revision { get; set; }

    /// <summary>Picks the Chinese or English text for <paramref name="culture"/>, falling back to the other.</summary>
    public static string InCulture(CultureInfo culture, string zh, string en) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? (string.IsNullOrWhiteSpace(zh) ? en : zh)
            : (string.IsNullOrWhiteSpace(en) ? zh : en);
}
