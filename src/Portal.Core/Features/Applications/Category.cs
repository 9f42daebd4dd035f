namespace Portal.Core.Features.Applications;

/// <summary>A product category a brand sells in; the list is configurable and drives certification rules.</summary>
public sealed class Category : Data.IAudited, AdminConfig.IAdminEditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable slug, e.g. "food"; rules refer to categories by it.</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Optimistic concurrency: two administrators editing the same row cannot both win.</summary>
    public int Revision { get; set; }

    public string Name(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}

public sealed class BrandCategory : Data.IBrandAudited
{
    public Guid BrandId { get; set; }

    public Guid CategoryId { get; set; }
}
