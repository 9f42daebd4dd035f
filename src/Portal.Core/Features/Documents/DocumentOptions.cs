using Portal.Core.Options;

namespace Portal.Core.Features.Documents;

/// <summary>Settings under <c>Documents</c>.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Largest upload accepted, in bytes (10 MB by default).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Where files are kept, outside the web root; relative paths are under the content root.</summary>
    public string StoragePath { get; set; } = "App_Data/documents";

    /// <summary>Days before expiry of the first warning.</summary>
    public int FirstWarningDays { get; set; } = 30;

    /// <summary>Days before expiry of the second, last warning.</summary>
    public int SecondWarningDays { get; set; } = 7;

    /// <summary>Months a document must still be valid when uploaded, unless its rule says otherwise.</summary>
    public int MinimumValidityMonths { get; set; } = 3;

    /// <summary>Oldest a second-hand phone quality report may be, at upload and at review.</summary>
    public int PhoneReportMaxAgeDays { get; set; } = 30;

    /// <summary>Working days staff have to review a document that passed the checks.</summary>
    public int ReviewWorkingDays { get; set; } = 3;

    /// <summary>When the expiry job runs (cron, platform server time).</summary>
    public string ExpiryCron { get; set; } = "0 1 * * *";
}

internal sealed class DocumentOptionsValidator : SettingsValidator<DocumentOptions>
{
    protected override void Check(DocumentOptions options, Action<string, string> fail)
    {
        if (options.MaxFileBytes is < 1024 or > 100L * 1024 * 1024)
        {
            fail("Documents:MaxFileBytes", "must be between 1024 and 104857600 (100 MB).");
        }

        if (string.IsNullOrWhiteSpace(options.StoragePath))
        {
            fail("Documents:StoragePath", "must name a folder outside the web root.");
        }
        else if (options.StoragePath.Replace('\\', '/').Split('/').Any(part => part.Equals("wwwroot", StringComparison.OrdinalIgnoreCase)))
        {
            fail("Documents:StoragePath", "must not be inside wwwroot: files are served only through the authorised endpoint.");
        }

        if (options.FirstWarningDays is < 1 or > 365)
        {
            fail("Documents:FirstWarningDays", "must be between 1 and 365.");
        }

        if (options.SecondWarningDays < 1 || options.SecondWarningDays >= options.FirstWarningDays)
        {
            fail("Documents:SecondWarningDays", "must be at least 1 and less than Documents:FirstWarningDays.");
        }

        if (options.MinimumValidityMonths is < 0 or > 60)
        {
            fail("Documents:MinimumValidityMonths", "must be between 0 and 60.");
        }

        if (options.PhoneReportMaxAgeDays is < 1 or > 365)
        {
            fail("Documents:PhoneReportMaxAgeDays", "must be between 1 and 365.");
        }

        if (options.ReviewWorkingDays is < 1 or > 60)
        {
            fail("Documents:ReviewWorkingDays", "must be between 1 and 60.");
        }

        if (string.IsNullOrWhiteSpace(options.ExpiryCron) || options.ExpiryCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 5 or > 6)
        {
            fail("Documents:ExpiryCron", $"must be a cron expression, e.g. '0 1 * * *' (got '{options.ExpiryCron}').");
        }
    }
}
