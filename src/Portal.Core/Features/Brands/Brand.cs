namespace Portal.Core.Features.Brands;

/// <summary>A brand on its way along the STEPS path. It owns every tenant record.</summary>
/// <remarks>Audited (its own id is the brand of its entries): profile edits reach the Brand 360 timeline.</remarks>
public sealed class Brand : Data.IHasCreatedAt, Data.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower-case slug, unique; the metrics API names brands by it.</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The brand's current place on the growth path; every change is a <see cref="Tiers.TierChange"/>.</summary>
    public Tiers.GrowthTier Tier { get; set; } = Tiers.GrowthTier.NewStore;

    /// <summary>The SKA staff member who looks after the brand (null until staff assign one).</summary>
    public Guid? AccountManagerUserId { get; set; }

    // The application profile: what SKA staff review. All optional while drafting; Submit checks completeness.
    public string? CompanyName { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The brand's store id on the platform (小店 id).</summary>
    public string? StoreId { get; set; }

    public string? TrademarkNumber { get; set; }

    /// <summary>Nice classification class, 1 to 45.</summary>
    public int? TrademarkClass { get; set; }

    /// <summary>Who owns the trademark; when it is not the company, <see cref="AuthorizationChain"/> leads from the owner to it.</summary>
    public string? TrademarkOwner { get; set; }

    /// <summary>Owner → ... → applicant, at most <see cref="Applications.ApplicationRules.MaxAuthorizationLevels"/> links.</summary>
    public List<Applications.AuthorizationLink> AuthorizationChain { get; set; } = [];

    public List<Applications.BrandCategory> Categories { get; } = [];

    /// <summary>Moved only by <see cref="Applications.ApplicationWorkflowService"/> through the workflow's actions.</summary>
    public Applications.ApplicationStatus Status { get; internal set; } = Applications.ApplicationStatus.Draft;

    public DateTimeOffset? SubmittedAt { get; internal set; }

    /// <summary>The platform-local day by which staff should decide (review target in working days).</summary>
    public DateOnly? DecisionDueOn { get; internal set; }

    public string? LastDecisionReason { get; internal set; }

    public DateTimeOffset? LastDecisionAt { get; internal set; }

    /// <summary>The field-level reasons of the last request for changes, until the brand submits again.</summary>
    public List<Applications.FieldReason> OpenChangeRequests { get; internal set; } = [];

    /// <summary>After a rejection: the first day the brand may apply again.</summary>
    public DateOnly? ReapplyFrom { get; internal set; }

    /// <summary>Optimistic concurrency: two reviewers acting at once cannot both win.</summary>
    public int Version { get; internal set; }

    /// <summary>
    /// Counts saves of the application profile: a form carries the one it was read at, so a form opened before a
    /// colleague's save is refused instead of saving over it (<see cref="Applications.BrandProfile.Revision"/>).
    /// </summary>
    public int ProfileRevision { get; internal set; }

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
public sealed class BrandMember : Data.IBrandAudited
{
    public Guid BrandId { get; set; }

    public Guid UserId { get; set; }

    public BrandMemberRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
