namespace Portal.Core;

/// <summary>Marker for data-integrity strings (Resources/IntegrityCoreStrings*.resx): upload refusals of PDFs and sizes, the audit chain's verdicts.</summary>
public sealed class IntegrityCoreStrings;
