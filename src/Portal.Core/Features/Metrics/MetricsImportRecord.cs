namespace Portal.Core.Features.Metrics;

/// <summary>
/// One person's CSV import of a brand's daily figures (one record per brand the file touched). Daily figures
/// themselves are not audited (a file may hold thousands); this audited record puts the import, who made it and
/// the provider they acted for, into the brand's audit trail.
/// </summary>
public sealed class MetricsImportRecord : Data.IHasCreatedAt, Data.IBrandAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    /// <summary>How many of the file's rows were the brand's.</summary>
    public int Rows { get; set; }

    public DateOnly? FirstDate { get; set; }

    public DateOnly? LastDate { get; set; }

    public Guid ImportedByUserId { get; set; }

    /// <summary>The provider the person imported on behalf of (a delegation at the time); null for a member or staff.</summary>
    public Guid? ImportedByProviderId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
