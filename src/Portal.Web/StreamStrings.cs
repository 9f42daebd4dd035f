namespace Portal.Web;

/// <summary>Marker for the stream planner's and trust card's screen texts (Resources/StreamStrings*.resx).</summary>
public sealed class StreamStrings;
