namespace Portal.Core.Features.TrustCard;

/// <summary>The trust-card entitlements (小店信任卡) a store can commit to; a selection is a combination.</summary>
[Flags]
public enum TrustEntitlements
{
    None = 0,

    /// <summary>七天无理由: seven-day no-reason returns.</summary>
    SevenDayReturns = 1,

    /// <summary>极速退款: fast refund.</summary>
    FastRefund = 2,

    /// <summary>极速发货: fast shipping.</summary>
    FastShipping = 4,

    /// <summary>退货补运费: return shipping subsidy.</summary>
    ReturnShippingSubsidy = 8,

    /// <summary>退款不退货: refund without return.</summary>
    RefundWithoutReturn = 16,

    /// <summary>假一赔十: ten-fold compensation for fakes.</summary>
    TenfoldCompensation = 32,
}

public static class TrustEntitlementList
{
    /// <summary>Each single entitlement, in the order the page lists them.</summary>
    public static readonly IReadOnlyList<TrustEntitlements> All =
    [
        TrustEntitlements.SevenDayReturns,
        TrustEntitlements.FastShipping,
        TrustEntitlements.FastRefund,
        TrustEntitlements.ReturnShippingSubsidy,
        TrustEntitlements.RefundWithoutReturn,
        TrustEntitlements.TenfoldCompensation,
    ];

    /// <summary>The single entitlements in a selection.</summary>
    public static IReadOnlyList<TrustEntitlements> Split(TrustEntitlements selection) =>
        All.Where(e => selection.HasFlag(e)).ToList();
}

/// <summary>A named group of entitlements; a brand reaches it by committing to all of them. Stored, so staff can change tiers.</summary>
public sealed class TrustTier
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable key, e.g. <c>basic</c>.</summary>
    public required string Code { get; set; }

    /// <summary>Higher is better; the highest tier reached is the brand's.</summary>
    public int Rank { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public TrustEntitlements Entitlements { get; set; }

    public string DisplayName(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;

    /// <summary>The highest-ranked tier whose entitlements are all in <paramref name="selection"/>; null if none.</summary>
    public static TrustTier? Reached(IEnumerable<TrustTier> tiers, TrustEntitlements selection) =>
        tiers.Where(t => (selection & t.Entitlements) == t.Entitlements).OrderByDescending(t => t.Rank).FirstOrDefault();
}

/// <summary>A brand's current commitments.</summary>
public sealed class TrustCardCommitment
{
    public Guid BrandId { get; set; }

    public TrustEntitlements Entitlements { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedByUserId { get; set; }
}

/// <summary>One change of a brand's commitments: before, after, when and by whom.</summary>
public sealed class TrustCardChange : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public TrustEntitlements Before { get; set; }

    public TrustEntitlements After { get; set; }

    public Guid ChangedByUserId { get; set; }

    /// <summary>When the change was made (the app's clock).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The tiers every database starts with; stored rows win once they exist.</summary>
public static class TrustTierDefaults
{
    public const TrustEntitlements Basic = TrustEntitlements.SevenDayReturns | TrustEntitlements.FastShipping;
    public const TrustEntitlements Advanced = Basic | TrustEntitlements.FastRefund | TrustEntitlements.ReturnShippingSubsidy;
    public const TrustEntitlements Premium = Advanced | TrustEntitlements.RefundWithoutReturn | TrustEntitlements.TenfoldCompensation;

    public static IReadOnlyList<TrustTier> Create() =>
    [
        new() { Code = "basic", Rank = 1, NameZh = "基础版", NameEn = "Basic", Entitlements = Basic },
        new() { Code = "advanced", Rank = 2, NameZh = "进阶版", NameEn = "Advanced", Entitlements = Advanced },
        new() { Code = "premium", Rank = 3, NameZh = "尊享版", NameEn = "Premium", Entitlements = Premium },
    ];
}
