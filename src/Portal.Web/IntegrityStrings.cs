namespace Portal.Web;

/// <summary>Marker for the data-integrity screens' strings (Resources/IntegrityStrings*.resx): the audit chain's check.</summary>
public sealed class IntegrityStrings;
