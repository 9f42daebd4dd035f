namespace Portal.Core.Features.Documents;

/// <summary>What a brand uploads besides the file.</summary>
public sealed class UploadRequest
{
    public string RuleCode { get; set; } = "";

    public string? FileName { get; set; }

    public string? CertificateNumber { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public List<string> CoveredCategories { get; set; } = [];
}

/// <summary>A brand's checklist as its members and staff see it; texts are in the reader's language.</summary>
public sealed record ChecklistView(
    Guid BrandId,
    string BrandCode,
    ComplianceStatus Status,
    string StatusText,
    IReadOnlyList<RequirementView> Requirements,
    IReadOnlyList<BlockedView> Blocked,
    IReadOnlyList<NoticeView> Notices,
    IReadOnlyList<CategoryChoice> Categories,
    bool CanUpload);

public sealed record CategoryChoice(string Code, string Name);

public sealed record RequirementView(
    string RuleCode,
    string Title,
    DocumentType Type,
    bool BlocksSelling,
    RequirementState State,
    string StateText,
    string NextStep,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<DocumentVersionView> Versions);

public sealed record DocumentVersionView(
    Guid Id,
    int Version,
    DocumentStatus Status,
    string StatusText,
    string DisplayName,
    string ContentType,
    string? CertificateNumber,
    string? Issuer,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    DateTimeOffset UploadedAt,
    IReadOnlyList<string> Reasons);

public sealed record BlockedView(string CategoryCode, string CategoryName, string Reason);

public sealed record NoticeView(NoticeKind Kind, string Text, DateTimeOffset At);

/// <summary>Which documents the review queue shows; by default those awaiting review, oldest first.</summary>
public sealed record QueueFilter
{
    public DocumentStatus? Status { get; init; } = DocumentStatus.AwaitingReview;

    public DocumentType? Type { get; init; }

    public string? CategoryCode { get; init; }

    public string? BrandCode { get; init; }

    /// <summary>Only documents waiting at least this many days.</summary>
    public int? MinAgeDays { get; init; }

    public bool NewestFirst { get; init; }
}

public sealed record QueueItem(
    Guid Id,
    string BrandCode,
    string BrandName,
    DocumentType Type,
    string TypeName,
    int Version,
    DocumentStatus Status,
    string StatusText,
    string DisplayName,
    string ContentType,
    string? CertificateNumber,
    string? Issuer,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    IReadOnlyList<string> Categories,
    DateTimeOffset WaitingSince,
    int AgeDays,
    DateOnly? DueOn,
    bool Overdue,
    bool FraudUnresolved,
    IReadOnlyList<string> FraudReasons,
    string? FraudClearNote,
    Guid? AssignedTo,
    string? AssignedToName);

public sealed record ReasonChoice(string Code, string Text);

public sealed record ReviewerChoice(Guid Id, string Name);

/// <summary>A stored file to send: stream, verified content type and the display name.</summary>
public sealed record DocumentFile(Stream Content, string ContentType, string DisplayName);
