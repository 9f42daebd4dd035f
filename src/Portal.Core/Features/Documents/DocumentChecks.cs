using System.Text.RegularExpressions;

namespace Portal.Core.Features.Documents;

/// <summary>
/// The automatic checks of one document against its rule, on a given day. Pure: the same document,
/// rule and day always give the same findings. (The fraud signal is looked up separately, in the database.)
/// </summary>
public static class DocumentChecks
{
    public static List<CheckFinding> Run(Document document, RequirementRule rule, DocumentOptions options, DateOnly today, IReadOnlyCollection<string> recognisedAgencies)
    {
        var findings = new List<CheckFinding>();
        void Fail(string code, string? argument = null) => findings.Add(new CheckFinding { Code = code, Argument = argument });

        if (string.IsNullOrWhiteSpace(document.CertificateNumber))
        {
            Fail("Check_Missing", "Field_CertificateNumber");
        }

        if (string.IsNullOrWhiteSpace(document.Issuer))
        {
            Fail("Check_Missing", "Field_Issuer");
        }

        if (document.IssuedOn is null)
        {
            Fail("Check_Missing", "Field_IssuedOn");
        }

        if (rule.RequiresExpiryDate && document.ExpiresOn is null)
        {
            Fail("Check_Missing", "Field_ExpiresOn");
        }

        if (document.IssuedOn > today)
        {
            Fail("Check_IssuedInFuture");
        }

        if (document.ExpiresOn is { } expires)
        {
            var months = rule.MinValidityMonths ?? options.MinimumValidityMonths;
            if (expires <= today)
            {
                Fail("Check_Expired");
            }
            else if (expires <= today.AddMonths(months))
            {
                Fail("Check_ExpiresTooSoon", months.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (document.IssuedOn is { } issued && expires <= issued)
            {
                Fail("Check_ExpiryBeforeIssue");
            }
        }

        if (rule.RequiresRecognisedIssuer && !string.IsNullOrWhiteSpace(document.Issuer) && !IsRecognised(document.Issuer, recognisedAgencies))
        {
            Fail("Check_IssuerNotRecognised");
        }

        if (rule.ChecksReportAge && IsReportTooOld(document, options, today))
        {
            Fail("Check_ReportTooOld", options.PhoneReportMaxAgeDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(rule.CertificateNumberPattern) && !string.IsNullOrWhiteSpace(document.CertificateNumber)
            && !Regex.IsMatch(document.CertificateNumber.Trim(), rule.CertificateNumberPattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)))
        {
            Fail("Check_NumberPattern");
        }

        return findings;
    }

    /// <summary>Whether a report is older than <c>Documents:PhoneReportMaxAgeDays</c> on <paramref name="today"/>.</summary>
    public static bool IsReportTooOld(Document document, DocumentOptions options, DateOnly today) =>
        document.IssuedOn is { } issued && issued.AddDays(options.PhoneReportMaxAgeDays) < today;

    public static bool IsRecognised(string issuer, IReadOnlyCollection<string> agencies) =>
        agencies.Any(a => string.Equals(Normalize(a), Normalize(issuer), StringComparison.OrdinalIgnoreCase));

    /// <summary>A certificate number as compared across brands: no spaces, upper case.</summary>
    public static string NormalizeNumber(string number) => new(number.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('（', '(').Replace('）', ')');
}
