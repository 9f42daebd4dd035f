using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Portal.Core;
using Portal.Core.Features.AdminConfig;

namespace Portal.Web.Components.Pages.AdminConfig;

/// <summary>
/// What every administration editor page does: list the rows, open a form to add or edit one, save
/// it, deactivate or reactivate a row. The rules (admin only, validation, concurrency) are in the
/// Core service; the page shows its messages.
/// </summary>
public abstract class ConfigEditorPage<TEntity, TForm> : ComponentBase
    where TEntity : class, IAdminEditable
    where TForm : ConfigForm
{
    [CascadingParameter]
    protected Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<AdminConfigStrings> A { get; set; } = default!;

    protected IReadOnlyList<TEntity>? Rows { get; private set; }

    /// <summary>The form being edited; null when none is open.</summary>
    protected TForm? Form { get; private set; }

    protected IReadOnlyList<string> Errors { get; private set; } = [];

    protected string? Notice { get; private set; }

    protected bool Busy { get; private set; }

    protected abstract ConfigEditorService<TEntity, TForm> Service { get; }

    protected abstract TForm NewForm();

    /// <summary>How a row is named in messages and button labels.</summary>
    protected abstract string NameOf(TEntity entity);

    protected override Task OnInitializedAsync() => LoadAsync();

    protected virtual async Task LoadAsync() => Rows = await Service.ListAsync((await AuthenticationState).User) ?? [];

    protected void New() => Open(NewForm());

    protected void Edit(TEntity entity) => Open(Service.Edit(entity));

    protected void Cancel() => Form = null;

    protected async Task SaveAsync()
    {
        Busy = true;
        var outcome = await Service.SaveAsync((await AuthenticationState).User, Form!);
        Busy = false;
        Errors = outcome.Errors;
        Notice = outcome.Succeeded ? A["AdminConfig_Saved"].Value : null;
        if (outcome.Succeeded)
        {
            Form = null;
            await LoadAsync();
        }
    }

    protected async Task ToggleAsync(TEntity entity)
    {
        var activate = !entity.IsActive;
        var outcome = await Service.SetActiveAsync((await AuthenticationState).User, entity.Id, activate, entity.Revision);
        Errors = outcome.Errors;
        Notice = outcome.Succeeded ? A[activate ? "AdminConfig_Activated" : "AdminConfig_Deactivated", NameOf(entity)].Value : null;
        await LoadAsync();
    }

    private void Open(TForm form)
    {
        Form = form;
        Errors = [];
        Notice = null;
    }
}
