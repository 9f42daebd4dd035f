using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Core.Features.Audit;
using Portal.Core.Localization;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>
/// The audit trail in words: record types and properties (Brand 360's names in AuditTimelineStrings first,
/// then the administration's own in LanguageStrings), and old and new values as a reader says them (an
/// enum value from AuditValueStrings, yes or no, a time on the platform's clock, ids by name). A name or
/// value nobody knows is shown as stored.
/// </summary>
public sealed class AuditWords(
    IStringLocalizer<AuditTimelineStrings> timeline,
    IStringLocalizer<LanguageStrings> language,
    IStringLocalizer<AuditValueStrings> values,
    AuditValueTypes types)
{
    public string Type(string type) => Either($"AuditType_{type}") ?? type;

    public string Field(string property) => Either($"AuditField_{property}") ?? property;

    /// <summary>An operation's name as the audit stores it ("User.ChangeRoles"), in words.</summary>
    public string Operation(string operation) => Either($"AuditOperation_{operation.Replace('.', '_')}") ?? operation;

    /// <summary>A stored value of <paramref name="property"/> of a <paramref name="recordType"/> record, in words.</summary>
    public string? Value(string recordType, string property, string? text, IReadOnlyDictionary<Guid, string> names)
    {
        if (text is null || text == AuditChanges.Redacted)
        {
            return text;
        }

        var type = types.Of(recordType, property);
        if (type is { IsEnum: true })
        {
            // A flags value is stored "A, B"; each part has its own words.
            var parts = text.Split(", ").Select(part => Word($"{type.Name}_{part}") ?? part);
            return string.Join(IsChinese ? "、" : ", ", parts);
        }

        if (type == typeof(bool) && bool.TryParse(text, out var yes))
        {
            return values[yes ? "Yes" : "No"];
        }

        if (type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return PortalDates.DayTimeSeconds(at);
        }

        return AuditNames.InWords(text, names);
    }

    private static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    private string? Word(string key) => values[key] is { ResourceNotFound: false } said ? said.Value : null;

    private string? Either(string key) =>
        timeline[key] is { ResourceNotFound: false } said ? said.Value
        : language[key] is { ResourceNotFound: false } own ? own.Value
        : null;
}
