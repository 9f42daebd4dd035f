using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Documents;

namespace Portal.Core.Features.AdminConfig;

public sealed class RequirementRuleForm : ConfigForm
{
    public string Code { get; set; } = "";

    /// <summary>The category's code; null or empty for every brand.</summary>
    public string? CategoryCode { get; set; }

    public RuleCondition Condition { get; set; } = RuleCondition.Always;

    public DocumentType DocumentType { get; set; }

    public bool BlocksSelling { get; set; } = true;

    public bool RequiresExpiryDate { get; set; } = true;

    public int? MinValidityMonths { get; set; }

    public bool RequiresRecognisedIssuer { get; set; }

    public bool ChecksReportAge { get; set; }

    public string? CertificateNumberPattern { get; set; }

    public int SortOrder { get; set; }
}

public sealed class RequirementRuleFormValidator : AbstractValidator<RequirementRuleForm>
{
    public const int PatternMaxLength = 200;
    public const int MaxValidityMonths = 60;

    public RequirementRuleFormValidator(IStringLocalizer<AdminConfigStrings> strings)
    {
        RuleFor(f => f.Code).ValidCode(strings);
        RuleFor(f => f.Condition).IsInEnum().WithMessage(_ => strings["AdminConfig_Validation_Required", strings["AdminConfig_Field_Condition"]]);
        RuleFor(f => f.DocumentType).IsInEnum().WithMessage(_ => strings["AdminConfig_Validation_Required", strings["AdminConfig_Field_DocumentType"]]);
        RuleFor(f => f.MinValidityMonths)
            .InclusiveBetween(0, MaxValidityMonths).When(f => f.MinValidityMonths is not null)
            .WithMessage(_ => strings["AdminConfig_Validation_Range", strings["AdminConfig_Field_MinValidityMonths"], 0, MaxValidityMonths]);
        RuleFor(f => f.CertificateNumberPattern)
            .Cascade(CascadeMode.Stop)
            .MaximumLength(PatternMaxLength).WithMessage(_ => strings["AdminConfig_Validation_MaxLength", strings["AdminConfig_Field_CertificateNumberPattern"], PatternMaxLength])
            .Must(IsRegex).WithMessage(_ => strings["AdminConfig_Validation_Pattern"])
            .When(f => !string.IsNullOrWhiteSpace(f.CertificateNumberPattern));
        RuleFor(f => f.SortOrder).SortOrder(strings);
    }

    private static bool IsRegex(string? pattern)
    {
        try
        {
            _ = new Regex(pattern!, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>
/// The certification requirements: what a brand in a category must provide. What a brand must
/// provide is computed from the active rules each time, so a change applies to every brand at once;
/// documents refer to their rule, so rules are deactivated, never deleted, and keep their code.
/// </summary>
public sealed class RequirementRuleAdminService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<RequirementRuleForm> validator, IStringLocalizer<AdminConfigStrings> strings, TimeProvider clock)
    : ConfigEditorService<RequirementRule, RequirementRuleForm>(dbFactory, validator, strings, clock)
{
    public override RequirementRuleForm Edit(RequirementRule entity) => new()
    {
        Id = entity.Id,
        Revision = entity.Revision,
        Code = entity.Code,
        CategoryCode = entity.CategoryCode ?? "",
        Condition = entity.Condition,
        DocumentType = entity.DocumentType,
        BlocksSelling = entity.BlocksSelling,
        RequiresExpiryDate = entity.RequiresExpiryDate,
        MinValidityMonths = entity.MinValidityMonths,
        RequiresRecognisedIssuer = entity.RequiresRecognisedIssuer,
        ChecksReportAge = entity.ChecksReportAge,
        CertificateNumberPattern = entity.CertificateNumberPattern,
        SortOrder = entity.SortOrder,
    };

    protected override IQueryable<RequirementRule> Order(IQueryable<RequirementRule> rows) => rows.OrderBy(r => r.SortOrder).ThenBy(r => r.Code);

    protected override RequirementRule Create(RequirementRuleForm form)
    {
        var rule = new RequirementRule { Code = form.Code };
        Apply(form, rule);
        return rule;
    }

    protected override void Apply(RequirementRuleForm form, RequirementRule entity)
    {
        entity.CategoryCode = string.IsNullOrWhiteSpace(form.CategoryCode) ? null : form.CategoryCode;
        entity.Condition = form.Condition;
        entity.DocumentType = form.DocumentType;
        entity.BlocksSelling = form.BlocksSelling;
        entity.RequiresExpiryDate = form.RequiresExpiryDate;
        entity.MinValidityMonths = form.MinValidityMonths;
        entity.RequiresRecognisedIssuer = form.RequiresRecognisedIssuer;
        entity.ChecksReportAge = form.ChecksReportAge;
        entity.CertificateNumberPattern = string.IsNullOrWhiteSpace(form.CertificateNumberPattern) ? null : form.CertificateNumberPattern.Trim();
        entity.SortOrder = form.SortOrder;
    }

    protected override async Task<List<string>> CheckAsync(PortalDbContext db, RequirementRuleForm form, RequirementRule entity, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (form.IsNew && await db.RequirementRules.AnyAsync(r => r.Code == form.Code, cancellationToken))
        {
            problems.Add(Strings["AdminConfig_Refused_CodeTaken", form.Code]);
        }

        if (!string.IsNullOrWhiteSpace(form.CategoryCode) && !await db.Categories.AnyAsync(c => c.Code == form.CategoryCode, cancellationToken))
        {
            problems.Add(Strings["AdminConfig_Refused_UnknownCategory", form.CategoryCode]);
        }

        return problems;
    }
}
