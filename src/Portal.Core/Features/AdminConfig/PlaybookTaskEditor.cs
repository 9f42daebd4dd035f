using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Journey;

namespace Portal.Core.Features.AdminConfig;

public sealed class PlaybookTaskForm : ConfigForm
{
    public string Code { get; set; } = "";

    public StepsArea Area { get; set; } = StepsArea.Distribution;

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string DescriptionZh { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    public int SortOrder { get; set; }
}

public sealed class PlaybookTaskFormValidator : AbstractValidator<PlaybookTaskForm>
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 1000;

    public PlaybookTaskFormValidator(IStringLocalizer<AdminConfigStrings> strings)
    {
        RuleFor(f => f.Code).ValidCode(strings);
        RuleFor(f => f.Area).IsInEnum().WithMessage(_ => strings["AdminConfig_Validation_Required", strings["AdminConfig_Field_Area"]]);
        RuleFor(f => f.TitleZh).RequiredText(strings, "AdminConfig_Field_TitleZh", TitleMaxLength);
        RuleFor(f => f.TitleEn).RequiredText(strings, "AdminConfig_Field_TitleEn", TitleMaxLength);
        RuleFor(f => f.DescriptionZh).OptionalText(strings, "AdminConfig_Field_DescriptionZh", DescriptionMaxLength);
        RuleFor(f => f.DescriptionEn).OptionalText(strings, "AdminConfig_Field_DescriptionEn", DescriptionMaxLength);
        RuleFor(f => f.SortOrder).SortOrder(strings);
    }
}

/// <summary>
/// The STEPS playbook's tasks. A deactivated task leaves every board and its counts (brands keep its
/// history); milestones and seeding name tasks by code, so a code never changes once created.
/// </summary>
public sealed class PlaybookTaskAdminService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<PlaybookTaskForm> validator, IStringLocalizer<AdminConfigStrings> strings, TimeProvider clock)
    : ConfigEditorService<PlaybookTask, PlaybookTaskForm>(dbFactory, validator, strings, clock)
{
    public override PlaybookTaskForm Edit(PlaybookTask entity) => new()
    {
        Id = entity.Id,
        Revision = entity.Revision,
        Code = entity.Code,
        Area = entity.Area,
        TitleZh = entity.TitleZh,
        TitleEn = entity.TitleEn,
        DescriptionZh = entity.DescriptionZh,
        DescriptionEn = entity.DescriptionEn,
        SortOrder = entity.SortOrder,
    };

    protected override IQueryable<PlaybookTask> Order(IQueryable<PlaybookTask> rows) => rows.OrderBy(t => t.Area).ThenBy(t => t.SortOrder).ThenBy(t => t.Code);

    protected override PlaybookTask Create(PlaybookTaskForm form)
    {
        var task = new PlaybookTask { Code = form.Code, TitleZh = "", TitleEn = "" };
        Apply(form, task);
        return task;
    }

    protected override void Apply(PlaybookTaskForm form, PlaybookTask entity)
    {
        entity.Area = form.Area;
        entity.TitleZh = form.TitleZh.Trim();
        entity.TitleEn = form.TitleEn.Trim();
        entity.DescriptionZh = form.DescriptionZh.Trim();
        entity.DescriptionEn = form.DescriptionEn.Trim();
        entity.SortOrder = form.SortOrder;
    }

    protected override async Task<List<string>> CheckAsync(PortalDbContext db, PlaybookTaskForm form, PlaybookTask entity, CancellationToken cancellationToken) =>
        form.IsNew && await db.PlaybookTasks.AnyAsync(t => t.Code == form.Code, cancellationToken)
            ? [Strings["AdminConfig_Refused_CodeTaken", form.Code]]
            : [];
}
