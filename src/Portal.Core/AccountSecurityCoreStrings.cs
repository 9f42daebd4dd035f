namespace Portal.Core;

/// <summary>Marker for the account-security messages and e-mails of Core (Resources/AccountSecurityCoreStrings*.resx).</summary>
public sealed class AccountSecurityCoreStrings;
