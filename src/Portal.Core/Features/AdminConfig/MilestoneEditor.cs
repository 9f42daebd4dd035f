using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;

namespace Portal.Core.Features.AdminConfig;

public sealed class MilestoneForm : ConfigForm
{
    public string Code { get; set; } = "";

    public StepsArea Area { get; set; } = StepsArea.Distribution;

    public int SortOrder { get; set; }

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public MetricKind Metric { get; set; }

    public MilestoneAggregation Aggregation { get; set; }

    public decimal Threshold { get; set; }

    /// <summary>Playbook task codes, separated by commas or spaces.</summary>
    public string TaskCodes { get; set; } = "";

    public IReadOnlyList<string> TaskCodeList() =>
        TaskCodes.Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}

public sealed class MilestoneFormValidator : AbstractValidator<MilestoneForm>
{
    public const int TitleMaxLength = 200;

    public MilestoneFormValidator(IStringLocalizer<AdminConfigStrings> strings)
    {
        RuleFor(f => f.Code).ValidCode(strings);
        RuleFor(f => f.Area).IsInEnum().WithMessage(_ => strings["AdminConfig_Validation_Required", strings["AdminConfig_Field_Area"]]);
        RuleFor(f => f.TitleZh).RequiredText(strings, "AdminConfig_Field_TitleZh", TitleMaxLength);
        RuleFor(f => f.TitleEn).RequiredText(strings, "AdminConfig_Field_TitleEn", TitleMaxLength);
        RuleFor(f => f.Metric).IsInEnum().WithMessage(_ => strings["AdminConfig_Validation_Required", strings["AdminConfig_Field_Metric"]]);
        RuleFor(f => f.Aggregation).IsInEnum().WithMessage(_ => strings["AdminConfig_Validation_Required", strings["AdminConfig_Field_Aggregation"]]);
        RuleFor(f => f.Threshold).GreaterThan(0).WithMessage(_ => strings["AdminConfig_Validation_Positive", strings["AdminConfig_Field_Threshold"]]);
        RuleFor(f => f.Threshold).LessThanOrEqualTo(1).When(f => f.Metric == MetricKind.RepurchaseRate)
            .WithMessage(_ => strings["AdminConfig_Validation_RateAtMostOne"]);
        RuleFor(f => f.SortOrder).SortOrder(strings);
    }
}

/// <summary>
/// The milestones the evaluation watches: metric, aggregation, threshold and the tasks they complete.
/// The next evaluation uses the active definitions as they are; achievements refer to their
/// definition, so definitions are deactivated, never deleted, and keep their code.
/// </summary>
public sealed class MilestoneAdminService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<MilestoneForm> validator, IStringLocalizer<AdminConfigStrings> strings, TimeProvider clock)
    : ConfigEditorService<MilestoneDefinition, MilestoneForm>(dbFactory, validator, strings, clock)
{
    public override MilestoneForm Edit(MilestoneDefinition entity) => new()
    {
        Id = entity.Id,
        Revision = entity.Revision,
        Code = entity.Code,
        Area = entity.Area,
        SortOrder = entity.SortOrder,
        TitleZh = entity.TitleZh,
        TitleEn = entity.TitleEn,
        Metric = entity.Metric,
        Aggregation = entity.Aggregation,
        Threshold = entity.Threshold,
        TaskCodes = string.Join(", ", entity.TaskCodes),
    };

    protected override IQueryable<MilestoneDefinition> Order(IQueryable<MilestoneDefinition> rows) => rows.OrderBy(m => m.Area).ThenBy(m => m.SortOrder).ThenBy(m => m.Code);

    protected override MilestoneDefinition Create(MilestoneForm form)
    {
        var milestone = new MilestoneDefinition { Code = form.Code, TitleZh = "", TitleEn = "" };
        Apply(form, milestone);
        return milestone;
    }

    protected override void Apply(MilestoneForm form, MilestoneDefinition entity)
    {
        entity.Area = form.Area;
        entity.SortOrder = form.SortOrder;
        entity.TitleZh = form.TitleZh.Trim();
        entity.TitleEn = form.TitleEn.Trim();
        entity.Metric = form.Metric;
        entity.Aggregation = form.Aggregation;
        entity.Threshold = form.Threshold;
        entity.TaskCodes = form.TaskCodeList().ToList();
    }

    protected override async Task<List<string>> CheckAsync(PortalDbContext db, MilestoneForm form, MilestoneDefinition entity, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (form.IsNew && await db.MilestoneDefinitions.AnyAsync(m => m.Code == form.Code, cancellationToken))
        {
            problems.Add(Strings["AdminConfig_Refused_CodeTaken", form.Code]);
        }

        var codes = form.TaskCodeList();
        var known = await db.PlaybookTasks.Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(cancellationToken);
        var unknown = codes.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(Strings["AdminConfig_Refused_UnknownTasks", string.Join(", ", unknown)]);
        }

        return problems;
    }
}
