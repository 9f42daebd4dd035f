namespace Portal.Web;

/// <summary>Marker for the frame's localized strings (Resources/FrameStrings*.resx): app bar, account menu, skip link.</summary>
public sealed class FrameStrings;
