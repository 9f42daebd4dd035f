using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Localization;

namespace Portal.Core.Features.Documents;

/// <summary>
/// What a brand must hold: its checklist of requirements, their versions and notices, and its compliance.
/// The checklist is for the brand's members, staff, and a provider's people while the brand delegates documents to it; compliance is for other features and jobs.
/// </summary>
public sealed class DocumentChecklistService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<DocumentStrings> strings,
    TimeProvider clock)
{
    /// <summary>The brand's checklist and compliance status; null when the user may not see the brand.</summary>
    public async Task<ChecklistView?> ChecklistAsync(ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().Include(b => b.Categories).SingleOrDefaultAsync(b => b.Code == brandCode, cancellationToken);
        if (brand is null)
        {
            return null;
        }

        var member = await DocumentAccess.MayWorkAsync(db, user, brand.Id, clock, cancellationToken);
        if (!member && !BrandDirectory.IsStaff(user))
        {
            return null;
        }

        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var brandCategoryIds = brand.Categories.Select(c => c.CategoryId).ToHashSet();
        var facts = new BrandFacts(categories.Where(c => brandCategoryIds.Contains(c.Id)).Select(c => c.Code).ToList(), BrandFacts.OwnsTrademark(brand.TrademarkOwner, brand.CompanyName));
        var report = await EvaluateAsync(db, brand.Id, facts, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        string CategoryName(string code) => categories.FirstOrDefault(c => c.Code == code)?.Name(culture) ?? code;
        var reasons = await db.ReviewReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        var notices = await db.DocumentNotices.AsNoTracking().Where(n => n.BrandId == brand.Id)
            .OrderByDescending(n => n.CreatedAt).Take(20)
            .Join(db.Documents, n => n.DocumentId, d => d.Id, (n, d) => new { n, d.Type, d.ExpiresOn })
            .ToListAsync(cancellationToken);

        return new ChecklistView(
            brand.Id,
            brand.Code,
            report.Status,
            strings[$"Compliance_{report.Status}"],
            report.Requirements.Select(r => Requirement(r, CategoryName, reasons)).ToList(),
            report.Blocked.Select(b => new BlockedView(
                b.CategoryCode,
                CategoryName(b.CategoryCode),
                strings["Blocked_Reason", strings.TypeName(b.Rule.DocumentType), b.Document.CertificateNumber ?? "", FormatDay(b.Document.ExpiresOn)])).ToList(),
            notices.Select(x => new NoticeView(x.n.Kind, strings[$"Notice_{x.n.Kind}", strings.TypeName(x.Type), x.n.DaysBefore ?? 0, FormatDay(x.ExpiresOn)], x.n.CreatedAt)).ToList(),
            facts.CategoryCodes.Select(c => new CategoryChoice(c, CategoryName(c))).ToList(),
            member);
    }

    /// <summary>The compliance of a brand (for other features and jobs); no access check, callers decide who sees it.</summary>
    public async Task<ComplianceReport> ComplianceAsync(Guid brandId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await EvaluateAsync(db, brandId, await DocumentAccess.FactsAsync(db, brandId, cancellationToken), cancellationToken);
    }

    private async Task<ComplianceReport> EvaluateAsync(PortalDbContext db, Guid brandId, BrandFacts facts, CancellationToken cancellationToken)
    {
        var rules = await db.RequirementRules.AsNoTracking().ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.BrandId == brandId).ToListAsync(cancellationToken);
        return RequirementEvaluator.Evaluate(facts, rules, documents, PlatformTime.DayOf(clock.GetUtcNow()));
    }

    private RequirementView Requirement(RequirementStatus r, Func<string, string> categoryName, Dictionary<string, ReviewReason> reasons) => new(
        r.Rule.Code,
        Title(r.Rule, categoryName),
        r.Rule.DocumentType,
        r.Rule.BlocksSelling,
        r.State,
        strings[$"State_{r.State}"],
        strings[$"Next_{r.State}"],
        r.Latest is { } latest && r.State is RequirementState.ChangesRequested or RequirementState.Rejected ? ReasonsOf(latest, reasons) : [],
        r.Versions.Select(v => Version(v, reasons)).ToList());

    private DocumentVersionView Version(Document d, Dictionary<string, ReviewReason> reasons) =>
        new(d.Id, d.Version, d.Status, strings[$"Status_{d.Status}"], d.DisplayName, d.ContentType, d.CertificateNumber, d.Issuer, d.IssuedOn, d.ExpiresOn, d.CreatedAt, ReasonsOf(d, reasons));

    /// <summary>Why a version was sent back: failed checks, or the reviewer's reasons and note.</summary>
    private List<string> ReasonsOf(Document d, Dictionary<string, ReviewReason> reasons)
    {
        var list = d.CheckFailures.Select(f => strings[f.Code, ArgumentText(f.Argument)].Value).ToList();
        list.AddRange(d.DecisionReasons.Select(c => reasons.TryGetValue(c, out var r) ? r.Text(CultureInfo.CurrentUICulture) : c));
        if (d.DecisionNote is { } note)
        {
            list.Add(note);
        }

        return list;
    }

    /// <summary>A check's argument: a field's resource key is shown as the field's name.</summary>
    private string ArgumentText(string? argument) =>
        argument is null ? "" : argument.StartsWith("Field_", StringComparison.Ordinal) ? strings[argument].Value : argument;

    private string Title(RequirementRule rule, Func<string, string> categoryName) =>
        rule.CategoryCode is { } c ? strings["Requirement_ForCategory", strings.TypeName(rule.DocumentType), categoryName(c)] : strings.TypeName(rule.DocumentType);

    private static string FormatDay(DateOnly? day) => PortalDates.Day(day);
}
