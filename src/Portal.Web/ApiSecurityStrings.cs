namespace Portal.Web;

/// <summary>Marker for the security pipeline's localized texts: API problems, throttling, uniform account answers (Resources/ApiSecurityStrings*.resx).</summary>
public sealed class ApiSecurityStrings;
