namespace Portal.Core.Features.Operations;

/// <summary>One change of a brand's account manager (<see cref="Brands.Brand.AccountManagerUserId"/>): who, to whom, when.</summary>
public sealed class AccountManagerChange : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    /// <summary>The previous account manager, or null when there was none.</summary>
    public Guid? FromUserId { get; set; }

    /// <summary>The new account manager, or null when staff removed the assignment.</summary>
    public Guid? ToUserId { get; set; }

    /// <summary>The staff member who made the change.</summary>
    public Guid ChangedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
