namespace Portal.Core.Features.Applications;

/// <summary>Where a brand's application stands. Only <see cref="ApplicationWorkflow"/> moves it.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    ChangesRequested,
    Approved,
    Rejected,
    Suspended,
}

/// <summary>The explicit actions that move an application; each is recorded as an <see cref="ApplicationEvent"/>.</summary>
public enum ApplicationAction
{
    Submit,
    StartReview,
    RequestChanges,
    Approve,
    Reject,
    Reapply,
    Suspend,
    Reinstate,
}

/// <summary>Who may take an action: the brand's own members, or SKA staff.</summary>
public enum ApplicationActor
{
    Brand,
    Staff,
}

/// <summary>A reason tied to one field of the profile, so the brand knows exactly what to change.</summary>
public sealed class FieldReason
{
    public required string Field { get; set; }

    public required string Reason { get; set; }
}

/// <summary>One step of an application's history: who did what, when, and why.</summary>
public sealed class ApplicationEvent : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public ApplicationAction Action { get; set; }

    public ApplicationStatus From { get; set; }

    public ApplicationStatus To { get; set; }

    public Guid ActorUserId { get; set; }

    public string? Reason { get; set; }

    public List<FieldReason> FieldReasons { get; set; } = [];

    /// <summary>When it happened (the app's clock).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A link of the authorisation chain from the trademark owner down to the applicant.</summary>
public sealed class AuthorizationLink
{
    /// <summary>Who grants the right to sell (the owner, or the previous grantee).</summary>
    public required string Grantor { get; set; }

    /// <summary>Who receives it.</summary>
    public required string Grantee { get; set; }
}
