namespace Portal.Core.Features.Notifications;

/// <summary>What a notification is about; each user chooses per kind how to hear of it.</summary>
public enum NotificationKind
{
    /// <summary>Staff approved, rejected, sent back, suspended or reinstated the brand's application (to brand members).</summary>
    ApplicationDecision,

    /// <summary>Staff decided on one of the brand's documents (to brand members).</summary>
    DocumentDecision,

    /// <summary>A document's automatic checks raised a fraud flag (to the account manager, or all staff when none).</summary>
    FraudFlag,

    /// <summary>A certificate is about to expire or has expired (to brand members).</summary>
    ExpiryWarning,

    /// <summary>A comment or reply in a brand's thread.</summary>
    Comment,

    /// <summary>A colleague mentioned the user in a comment or internal note (staff).</summary>
    Mention,

    /// <summary>The brand reached a milestone (to brand members).</summary>
    Milestone,

    /// <summary>The brand's growth tier changed (to brand members and the account manager).</summary>
    TierChange,

    /// <summary>A brand has stalled (once per stall episode): to its account manager, or all staff while it has none.</summary>
    StalledBrand,

    /// <summary>A brand submitted its application: to its account manager, or all staff while it has none.</summary>
    ApplicationSubmitted,

    /// <summary>A document passed its automatic checks and waits for review: to the account manager, or all staff while none.</summary>
    DocumentToReview,
}

/// <summary>How a user hears of one kind of notification.</summary>
public enum NotificationChannel
{
    Both,
    InApp,
    Email,
}

/// <summary>
/// One message to one person in the notification centre. Stored as a template and arguments, not as text,
/// so the centre shows it in the language the reader uses today.
/// </summary>
public sealed class Notification : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RecipientUserId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The stem of the NotificationStrings keys: <c>Notify_{Template}_Title</c> and <c>_Body</c>.</summary>
    public required string Template { get; set; }

    /// <summary>The brand the message is about; its name is argument {0} of the template.</summary>
    public Guid? BrandId { get; set; }

    /// <summary>The further arguments ({1}, {2}, ...).</summary>
    public List<NotificationArg> Args { get; set; } = [];

    /// <summary>A portal path to open, e.g. <c>/brands/demo-tea/messages</c>.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// One template argument: a plain <see cref="Text"/>, a text with a Chinese variant (<see cref="Zh"/>),
/// or a NotificationStrings <see cref="Key"/> translated when the message is shown.
/// </summary>
public sealed class NotificationArg
{
    public string? Text { get; set; }

    public string? Zh { get; set; }

    public string? Key { get; set; }

    public static NotificationArg Plain(string text) => new() { Text = text };

    public static NotificationArg Names(string zh, string en) => new() { Text = en, Zh = zh };

    public static NotificationArg Localized(string key) => new() { Key = key };
}

/// <summary>A user's choice for one kind; no row means <see cref="NotificationChannel.Both"/>.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public NotificationChannel Channel { get; set; }
}

/// <summary>
/// A source already turned into notifications (a milestone achievement, a tier change, a stall episode):
/// the key makes the catch-up jobs idempotent without touching the records they read.
/// </summary>
public sealed class NotifiedSource
{
    /// <summary>E.g. <c>milestone:{achievementId}</c>, <c>tier:{changeId}</c>, <c>stall:{brandId}:{lastActivity}</c>.</summary>
    public required string Key { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
