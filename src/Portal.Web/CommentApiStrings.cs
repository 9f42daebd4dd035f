namespace Portal.Web;

/// <summary>Marker for the comments API's localized problem texts (Resources/CommentApiStrings*.resx); the refusals themselves come from the service.</summary>
public sealed class CommentApiStrings;
