using Microsoft.Extensions.Localization;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// Record types and properties of the audit trail in words: Brand 360's names (AuditTimelineStrings)
/// first, then the administration's own (LanguageStrings); a name neither knows is shown by its code.
/// </summary>
public sealed class AuditWords(IStringLocalizer<AuditTimelineStrings> timeline, IStringLocalizer<LanguageStrings> language)
{
    public string Type(string type) => Either($"AuditType_{type}") ?? type;

    public string Field(string property) => Either($"AuditField_{property}") ?? property;

    private string? Either(string key) =>
        timeline[key] is { ResourceNotFound: false } said ? said.Value
        : language[key] is { ResourceNotFound: false } own ? own.Value
        : null;
}
