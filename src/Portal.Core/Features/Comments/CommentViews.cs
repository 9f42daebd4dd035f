namespace Portal.Core.Features.Comments;

/// <summary>A comment as its reader sees it; replies nested one level.</summary>
public sealed record CommentView(
    Guid Id,
    string AuthorName,
    bool ByStaff,
    bool IsInternal,
    string Body,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<CommentView> Replies);

/// <summary>A brand's thread for one reader. <see cref="InternalNotes"/> is always empty for a brand member.</summary>
public sealed record CommentThread(Guid BrandId, string BrandCode, bool ViewerIsStaff, IReadOnlyList<CommentView> Public, IReadOnlyList<CommentView> InternalNotes);

/// <summary>What someone writes. A reply names its <see cref="ParentId"/> and takes the parent's visibility.</summary>
public sealed record NewComment(string Body, Guid? ParentId = null, bool Internal = false, IReadOnlyList<Guid>? Mentions = null);

/// <summary>A staff member someone can mention.</summary>
public sealed record StaffChoice(Guid UserId, string DisplayName, string Email);
