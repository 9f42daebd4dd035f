using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Documents;

namespace Portal.Core.Features.AdminConfig;

public sealed class ReviewReasonForm : ConfigForm
{
    public string Code { get; set; } = "";

    public string TextZh { get; set; } = "";

    public string TextEn { get; set; } = "";

    public int Rank { get; set; }
}

public sealed class ReviewReasonFormValidator : AbstractValidator<ReviewReasonForm>
{
    public const int TextMaxLength = 200;

    public ReviewReasonFormValidator(IStringLocalizer<AdminConfigStrings> strings)
    {
        RuleFor(f => f.Code).ValidCode(strings);
        RuleFor(f => f.TextZh).RequiredText(strings, "AdminConfig_Field_TextZh", TextMaxLength);
        RuleFor(f => f.TextEn).RequiredText(strings, "AdminConfig_Field_TextEn", TextMaxLength);
        RuleFor(f => f.Rank).InclusiveBetween(0, 9999).WithMessage(_ => strings["AdminConfig_Validation_Range", strings["AdminConfig_Field_Rank"], 0, 9999]);
    }
}

/// <summary>The reasons staff pick when they request changes to or reject a document; decisions store the code, so it never changes.</summary>
public sealed class ReviewReasonAdminService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<ReviewReasonForm> validator, IStringLocalizer<AdminConfigStrings> strings, TimeProvider clock)
    : ConfigEditorService<ReviewReason, ReviewReasonForm>(dbFactory, validator, strings, clock)
{
    public override ReviewReasonForm Edit(ReviewReason entity) => new()
    {
        Id = entity.Id, Revision = entity.Revision, Code = entity.Code, TextZh = entity.TextZh, TextEn = entity.TextEn, Rank = entity.Rank,
    };

    protected override IQueryable<ReviewReason> Order(IQueryable<ReviewReason> rows) => rows.OrderBy(r => r.Rank).ThenBy(r => r.Code);

    protected override ReviewReason Create(ReviewReasonForm form) => new()
    {
        Code = form.Code, TextZh = form.TextZh.Trim(), TextEn = form.TextEn.Trim(), Rank = form.Rank,
    };

    protected override void Apply(ReviewReasonForm form, ReviewReason entity)
    {
        entity.TextZh = form.TextZh.Trim();
        entity.TextEn = form.TextEn.Trim();
        entity.Rank = form.Rank;
    }

    protected override async Task<List<string>> CheckAsync(PortalDbContext db, ReviewReasonForm form, ReviewReason entity, CancellationToken cancellationToken) =>
        form.IsNew && await db.ReviewReasons.AnyAsync(r => r.Code == form.Code, cancellationToken)
            ? [Strings["AdminConfig_Refused_CodeTaken", form.Code]]
            : [];
}
