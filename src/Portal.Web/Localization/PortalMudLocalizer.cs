using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Web.Localization;

/// <summary>
/// MudBlazor's pager, grid menus, pickers and dialogs speak the reader's language: every
/// LanguageResource key is looked up in the portal's MudTexts resources. A key with no text there
/// (the operator signs "=", "&lt;"...) reports ResourceNotFound, so MudBlazor falls back to its own English.
/// </summary>
public sealed class PortalMudLocalizer(IStringLocalizer<MudTexts> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];

    public override LocalizedString this[string key, params object[] arguments] => texts[key, arguments];
}
