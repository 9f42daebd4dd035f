namespace Portal.Core;

/// <summary>How free text from a form is kept.</summary>
public static class TextInput
{
    /// <summary>The text trimmed; null when nothing but white space was entered.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
