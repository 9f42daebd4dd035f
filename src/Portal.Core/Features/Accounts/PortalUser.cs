using Microsoft.AspNetCore.Identity;

namespace Portal.Core.Features.Accounts;

/// <summary>A person who signs in to the portal: a brand manager or SKA staff.</summary>
public sealed class PortalUser : IdentityUser<Guid>, Data.IHasCreatedAt
{
    public string DisplayName { get; set; } = "";

    /// <summary>The culture the user last chose (zh-CN or en); e-mails use it.</summary>
    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The roles the portal knows. Staff are <see cref="SkaOperator"/> and <see cref="Admin"/>.</summary>
public static class PortalRoles
{
    public const string BrandManager = nameof(BrandManager);
    public const string SkaOperator = nameof(SkaOperator);
    public const string Admin = nameof(Admin);

    /// <summary>A person of a service provider (服务商); what they reach follows their provider's delegations.</summary>
    public const string Provider = nameof(Provider);

    /// <summary>Comma-separated, for <c>[Authorize(Roles = ...)]</c>.</summary>
    public const string Staff = SkaOperator + "," + Admin;

    public static readonly IReadOnlyList<string> All = [BrandManager, SkaOperator, Admin, Provider];
}
