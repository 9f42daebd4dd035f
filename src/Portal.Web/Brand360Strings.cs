namespace Portal.Web;

/// <summary>Marker for the staff Brand 360 page's localized strings (Resources/Brand360Strings*.resx).</summary>
public sealed class Brand360Strings;
