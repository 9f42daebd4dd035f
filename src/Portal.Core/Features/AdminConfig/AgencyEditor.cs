using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Documents;

namespace Portal.Core.Features.AdminConfig;

public sealed class AgencyForm : ConfigForm
{
    public string Name { get; set; } = "";
}

public sealed class AgencyFormValidator : AbstractValidator<AgencyForm>
{
    public const int NameMaxLength = 200;

    public AgencyFormValidator(IStringLocalizer<AdminConfigStrings> strings)
    {
        RuleFor(f => f.Name).RequiredText(strings, "AdminConfig_Field_AgencyName", NameMaxLength);
    }
}

/// <summary>The quality-inspection agencies whose certificates are accepted where a rule requires a recognised issuer. An agency is its name: add a new one and deactivate the old rather than rename.</summary>
public sealed class AgencyAdminService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<AgencyForm> validator, IStringLocalizer<AdminConfigStrings> strings, TimeProvider clock)
    : ConfigEditorService<RecognisedAgency, AgencyForm>(dbFactory, validator, strings, clock)
{
    public override AgencyForm Edit(RecognisedAgency entity) => new() { Id = entity.Id, Revision = entity.Revision, Name = entity.Name };

    protected override IQueryable<RecognisedAgency> Order(IQueryable<RecognisedAgency> rows) => rows.OrderBy(a => a.Name);

    protected override RecognisedAgency Create(AgencyForm form) => new() { Name = form.Name.Trim() };

    protected override void Apply(AgencyForm form, RecognisedAgency entity) => entity.Name = form.Name.Trim();

    protected override async Task<List<string>> CheckAsync(PortalDbContext db, AgencyForm form, RecognisedAgency entity, CancellationToken cancellationToken)
    {
        var name = form.Name.Trim();
        if (!form.IsNew && name != entity.Name)
        {
            // The seed adds its agencies by name at every start: a renamed one would come back.
            return [Strings["AdminConfig_Refused_AgencyRename"]];
        }

        return await db.RecognisedAgencies.AnyAsync(a => a.Name == name && a.Id != entity.Id, cancellationToken)
            ? [Strings["AdminConfig_Refused_NameTaken", name]]
            : [];
    }
}
