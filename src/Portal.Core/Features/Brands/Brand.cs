namespace Portal.Core.Features.Brands;

/// <summary>A brand on its way along the STEPS path. It owns every tenant record.</summary>
public sealed class Brand : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower-case slug, unique; the metrics API names brands by it.</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The brand's current place on the growth path; every change is a <see cref="Tiers.TierChange"/>.</summary>
    public Tiers.GrowthTier Tier { get; set; } = Tiers.GrowthTier.NewStore;

    public List<BrandMember> Members { get; } = [];

    /// <summary>The name in the reader's language, falling back to the other one.</summary>
    public string DisplayName(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? (string.IsNullOrWhiteSpace(NameZh) ? NameEn : NameZh)
            : (string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn);
}

public enum BrandMemberRole
{
    Owner,
    Member,
}

/// <summary>A user's membership of a brand; it is what grants access to the brand's records.</summary>
public sealed class BrandMember
{
    public Guid BrandId { get; set; }

    public Guid UserId { get; set; }

    public BrandMemberRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
