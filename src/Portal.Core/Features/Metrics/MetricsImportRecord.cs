namespace Portal.Core.Features.Metrics;

/// <summary>
/// One import of a brand's daily figures (one record per brand it touched): a person's CSV file, or a batch a
/// service provider's API client pushed. Daily figures themselves are not audited (a file may hold thousands); this
/// audited record puts the import, who made it and the provider they acted for, into the brand's audit trail. The
/// platform's own feeds are not recorded: they write every brand every day, and are SKA's own.
/// </summary>
public sealed class MetricsImportRecord : Data.IHasCreatedAt, Data.IBrandAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    /// <summary>How many of the file's rows were the brand's.</summary>
    public int Rows { get; set; }

    public DateOnly? FirstDate { get; set; }

    public DateOnly? LastDate { get; set; }

    /// <summary>The person who imported a file; null for an API client's batch.</summary>
    public Guid? ImportedByUserId { get; set; }

    /// <summary>The API client (its client id) that pushed the batch; null for a person's file.</summary>
    public string? ImportedByClientId { get; set; }

    /// <summary>
    /// The provider the import was made for: the person's provider where they acted on its behalf (a delegation at the
    /// time), or the provider that owns the API client; null for a member or staff.
    /// </summary>
    public Guid? ImportedByProviderId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
