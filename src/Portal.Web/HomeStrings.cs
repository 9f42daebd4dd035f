namespace Portal.Web;

/// <summary>Marker for the brand manager's home: to-do list, KPI cards and brand sections (Resources/HomeStrings*.resx).</summary>
public sealed class HomeStrings;
