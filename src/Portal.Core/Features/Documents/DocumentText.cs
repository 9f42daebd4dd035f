using Microsoft.Extensions.Localization;

namespace Portal.Core.Features.Documents;

/// <summary>Document words shared by the checklist and the review queue.</summary>
internal static class DocumentText
{
    public static string TypeName(this IStringLocalizer<DocumentStrings> strings, DocumentType type) => strings[$"Type_{type}"];
}
