using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Applications;

/// <summary>What a brand manager types to start a brand.</summary>
public sealed class NewBrandRequest
{
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";
}

/// <summary>The application profile as a form edits it.</summary>
public sealed class BrandProfile
{
    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string? CompanyName { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? StoreId { get; set; }

    public string? TrademarkNumber { get; set; }

    public int? TrademarkClass { get; set; }

    public string? TrademarkOwner { get; set; }

    public List<Guid> CategoryIds { get; set; } = [];

    public List<AuthorizationLink> AuthorizationChain { get; set; } = [];

    /// <summary>
    /// The brand's <see cref="Brands.Brand.ProfileRevision"/> this form was read at; a save of an older one is refused.
    /// Null skips the check (a form made from scratch). After a save it holds the new revision, so the form saves again.
    /// </summary>
    public int? Revision { get; set; }
}

/// <summary>One step of the history as a page shows it.</summary>
public sealed record ApplicationEventView(
    ApplicationAction Action,
    ApplicationStatus From,
    ApplicationStatus To,
    string ActorName,
    DateTimeOffset At,
    string? Reason,
    IReadOnlyList<FieldReason> FieldReasons);

/// <summary>Everything the application page shows, for the person looking at it.</summary>
public sealed record ApplicationView(
    BrandSummary Brand,
    ApplicationStatus Status,
    BrandProfile Profile,
    DateTimeOffset? SubmittedAt,
    DateOnly? DecisionDueOn,
    bool Overdue,
    string? LastDecisionReason,
    DateTimeOffset? LastDecisionAt,
    IReadOnlyList<FieldReason> OpenChangeRequests,
    DateOnly? ReapplyFrom,
    IReadOnlyList<string> Missing,
    IReadOnlyList<ApplicationAction> Actions,
    bool CanEdit,
    IReadOnlyList<ApplicationEventView> History);

/// <summary>A row of the staff's applications queue.</summary>
public sealed record ApplicationQueueItem(
    string Code,
    string NameZh,
    string NameEn,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    DateOnly DecisionDueOn,
    bool Overdue);

/// <summary>A category as a picker shows it.</summary>
public sealed record CategoryOption(Guid Id, string Code, string NameZh, string NameEn);
