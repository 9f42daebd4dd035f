namespace Portal.Core;

/// <summary>Marker for the stream planner's and trust card's Core messages (Resources/StreamCoreStrings*.resx): validation and refusals.</summary>
public sealed class StreamCoreStrings;
