namespace Portal.Core.Features.Comments;

/// <summary>
/// A message in a brand's thread. Public comments are seen by the brand's members and staff; internal
/// notes (<see cref="IsInternal"/>) by staff only, never by a brand member.
/// </summary>
public sealed class BrandComment : Data.IHasCreatedAt, Data.IBrandAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    /// <summary>The comment this one replies to (one level: replies to a reply attach to its parent).</summary>
    public Guid? ParentId { get; set; }

    public Guid AuthorUserId { get; set; }

    /// <summary>The provider the author wrote for (a Messages delegation at the time); null for a member or staff.</summary>
    public Guid? AuthorProviderId { get; set; }

    /// <summary>Whether the author wrote as staff (kept, so a later role change does not rewrite history).</summary>
    public bool ByStaff { get; set; }

    public bool IsInternal { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<BrandCommentMention> Mentions { get; } = [];
}

/// <summary>A staff member mentioned (@) in a comment.</summary>
public sealed class BrandCommentMention
{
    public Guid CommentId { get; set; }

    public Guid UserId { get; set; }
}
