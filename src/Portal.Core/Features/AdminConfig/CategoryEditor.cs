using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Applications;

namespace Portal.Core.Features.AdminConfig;

public sealed class CategoryForm : ConfigForm
{
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int SortOrder { get; set; }
}

public sealed class CategoryFormValidator : AbstractValidator<CategoryForm>
{
    public const int NameMaxLength = 100;

    public CategoryFormValidator(IStringLocalizer<AdminConfigStrings> strings)
    {
        RuleFor(f => f.Code).ValidCode(strings);
        RuleFor(f => f.NameZh).RequiredText(strings, "AdminConfig_Field_NameZh", NameMaxLength);
        RuleFor(f => f.NameEn).RequiredText(strings, "AdminConfig_Field_NameEn", NameMaxLength);
        RuleFor(f => f.SortOrder).SortOrder(strings);
    }
}

/// <summary>The product categories brands pick; requirement rules name them by code, so a code never changes once created.</summary>
public sealed class CategoryAdminService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<CategoryForm> validator, IStringLocalizer<AdminConfigStrings> strings, TimeProvider clock)
    : ConfigEditorService<Category, CategoryForm>(dbFactory, validator, strings, clock)
{
    public override CategoryForm Edit(Category entity) => new()
    {
        Id = entity.Id, Revision = entity.Revision, Code = entity.Code, NameZh = entity.NameZh, NameEn = entity.NameEn, SortOrder = entity.SortOrder,
    };

    protected override IQueryable<Category> Order(IQueryable<Category> rows) => rows.OrderBy(c => c.SortOrder).ThenBy(c => c.Code);

    protected override Category Create(CategoryForm form) => new()
    {
        Code = form.Code, NameZh = form.NameZh.Trim(), NameEn = form.NameEn.Trim(), SortOrder = form.SortOrder,
    };

    protected override void Apply(CategoryForm form, Category entity)
    {
        entity.NameZh = form.NameZh.Trim();
        entity.NameEn = form.NameEn.Trim();
        entity.SortOrder = form.SortOrder;
    }

    protected override async Task<List<string>> CheckAsync(PortalDbContext db, CategoryForm form, Category entity, CancellationToken cancellationToken) =>
        form.IsNew && await db.Categories.AnyAsync(c => c.Code == form.Code, cancellationToken)
            ? [Strings["AdminConfig_Refused_CodeTaken", form.Code]]
            : [];
}
