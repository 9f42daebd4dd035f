namespace Portal.Web;

/// <summary>Marker for the account-security pages' strings (Resources/AccountSecurityStrings*.resx).</summary>
public sealed class AccountSecurityStrings;
