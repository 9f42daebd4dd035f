namespace Portal.Core.Features.Documents;

/// <summary>What a document is; each <see cref="RequirementRule"/> asks for one type.</summary>
public enum DocumentType
{
    TrademarkCertificate,
    AuthorisationLetter,
    FoodBusinessLicence,
    CosmeticsFiling,
    PreciousMetalCertificate,
    PhoneQualityReport,
}

/// <summary>A document version's place in its workflow (see <see cref="DocumentWorkflow"/>).</summary>
public enum DocumentStatus
{
    Checking,
    AwaitingReview,
    ChangesRequested,
    Approved,
    Rejected,
    Expired,
}

/// <summary>When a rule applies, beyond the brand's categories.</summary>
public enum RuleCondition
{
    Always,

    /// <summary>The applicant company owns the trademark.</summary>
    ApplicantIsOwner,

    /// <summary>The trademark belongs to someone else, who authorised the applicant.</summary>
    ApplicantIsNotOwner,
}

/// <summary>
/// A certification requirement, kept in the database so staff can change it: a brand that sells in
/// <see cref="CategoryCode"/> (every brand when null) must provide a document of <see cref="DocumentType"/>.
/// What a brand must provide is computed from these rules and its categories each time, never stored.
/// </summary>
public sealed class RequirementRule : Data.IAudited, AdminConfig.IAdminEditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable slug, e.g. "food-licence".</summary>
    public required string Code { get; set; }

    /// <summary>The category the rule applies to; null for every brand.</summary>
    public string? CategoryCode { get; set; }

    public RuleCondition Condition { get; set; } = RuleCondition.Always;

    public DocumentType DocumentType { get; set; }

    /// <summary>Whether goods may not be sold while the requirement is not met (an expired document blocks its categories).</summary>
    public bool BlocksSelling { get; set; } = true;

    /// <summary>Whether the document must carry an expiry date.</summary>
    public bool RequiresExpiryDate { get; set; } = true;

    /// <summary>Months the document must still be valid at upload; null uses <c>Documents:MinimumValidityMonths</c>.</summary>
    public int? MinValidityMonths { get; set; }

    /// <summary>Whether the issuer must be one of the <see cref="RecognisedAgency"/> list.</summary>
    public bool RequiresRecognisedIssuer { get; set; }

    /// <summary>Whether the report must be recent (<c>Documents:PhoneReportMaxAgeDays</c>), checked again at review.</summary>
    public bool ChecksReportAge { get; set; }

    /// <summary>A regular expression the certificate number must match; null accepts any.</summary>
    public string? CertificateNumberPattern { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Optimistic concurrency: two administrators editing the same row cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>A national quality-inspection agency whose certificates are accepted where a rule requires one.</summary>
public sealed class RecognisedAgency : Data.IAudited, AdminConfig.IAdminEditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Optimistic concurrency: two administrators editing the same row cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>A reason staff can pick when they request changes or reject; ranked, configurable.</summary>
public sealed class ReviewReason : Data.IAudited, AdminConfig.IAdminEditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string TextZh { get; set; }

    public required string TextEn { get; set; }

    public int Rank { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Optimistic concurrency: two administrators editing the same row cannot both win.</summary>
    public int Revision { get; set; }

    public string Text(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TextZh : TextEn;
}

/// <summary>One automatic check that failed: a resource key (<c>Check_...</c>) and its argument, localized when shown.</summary>
public sealed class CheckFinding
{
    public required string Code { get; set; }

    public string? Argument { get; set; }
}

/// <summary>
/// One version of a document a brand uploaded for a requirement. Re-uploading for the same
/// requirement adds a version; versions are kept. The file lives in <see cref="DocumentStorage"/>
/// under its SHA-256; <see cref="DisplayName"/> is only text.
/// </summary>
/// <remarks>Audited (with the brand) so an upload's actor, and the provider they acted for, reach the audit trail.</remarks>
public sealed class Document : Data.IHasCreatedAt, Data.IBrandAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public Guid RuleId { get; set; }

    public DocumentType Type { get; set; }

    public int Version { get; set; }

    public DocumentStatus Status { get; internal set; } = DocumentStatus.Checking;

    public required string FileHash { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string DisplayName { get; set; }

    public string? CertificateNumber { get; set; }

    /// <summary>The certificate number as compared across brands (<see cref="DocumentChecks.NormalizeNumber"/>).</summary>
    public string? CertificateKey { get; internal set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Category codes the document covers; empty means all the brand's categories.</summary>
    public List<string> CoveredCategories { get; set; } = [];

    public Guid UploadedBy { get; set; }

    /// <summary>The provider the uploader acted for (a Documents delegation at the time); null when a member or staff uploaded.</summary>
    public Guid? UploadedByProviderId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CheckedAt { get; internal set; }

    /// <summary>The automatic checks that failed, shown to the brand.</summary>
    public List<CheckFinding> CheckFailures { get; internal set; } = [];

    /// <summary>The reasons of the last staff decision (request changes, reject), shown to the brand.</summary>
    public List<string> DecisionReasons { get; internal set; } = [];

    public string? DecisionNote { get; internal set; }

    /// <summary>Set by the check when the certificate number or the file is used by an unrelated brand.</summary>
    public bool FraudFlag { get; internal set; }

    /// <summary>Why the flag was raised (<c>Fraud_SameNumber</c>, <c>Fraud_SameFile</c>) with the other brands' codes.</summary>
    public List<CheckFinding> FraudFindings { get; internal set; } = [];

    public string? FraudClearNote { get; internal set; }

    public Guid? FraudClearedBy { get; internal set; }

    public DateTimeOffset? FraudClearedAt { get; internal set; }

    public Guid? AssignedTo { get; internal set; }

    public DateTimeOffset? AwaitingSince { get; internal set; }

    public DateOnly? ReviewDueOn { get; internal set; }

    /// <summary>Days-before-expiry warnings already given (e.g. 30, 7), so each is given once.</summary>
    public List<int> WarningsGiven { get; internal set; } = [];

    /// <summary>Optimistic concurrency: two check jobs or two reviewers cannot both win.</summary>
    public int Revision { get; internal set; }

    /// <summary>Whether a fraud flag still stands in the way of approval.</summary>
    public bool FraudUnresolved => FraudFlag && FraudClearedAt is null;
}

public enum DocumentAction
{
    Uploaded,
    ChecksPassed,
    ChecksFailed,
    Approve,
    RequestChanges,
    Reject,
    Expire,
    ClearFraudFlag,
    Assign,
}

/// <summary>Every change of a document, with who (null for the system), when and why.</summary>
public sealed class DocumentDecision : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DocumentId { get; set; }

    public DocumentAction Action { get; set; }

    public DocumentStatus From { get; set; }

    public DocumentStatus To { get; set; }

    public Guid? ActorUserId { get; set; }

    public List<string> Reasons { get; set; } = [];

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum NoticeKind
{
    ChecksPassed,
    ChecksFailed,
    Approved,
    ChangesRequested,
    Rejected,
    ExpiryWarning,
    Expired,
}

/// <summary>An in-app message to a brand about one of its documents.</summary>
public sealed class DocumentNotice : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public Guid DocumentId { get; set; }

    public NoticeKind Kind { get; set; }

    /// <summary>For expiry warnings: how many days before expiry.</summary>
    public int? DaysBefore { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
