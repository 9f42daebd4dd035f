namespace Portal.Web;

/// <summary>
/// Marker for MudBlazor's own texts (Resources/MudTexts*.resx), keyed as MudBlazor's LanguageResource:
/// the English file repeats MudBlazor's English, the zh-CN file translates every key that is words.
/// </summary>
public sealed class MudTexts;
