using System.Security.Claims;
using Portal.Core.Features.Accounts;

namespace Portal.Core.Features.AdminConfig;

/// <summary>A configuration row an administrator edits: deactivated rather than deleted, with a concurrency revision.</summary>
public interface IAdminEditable
{
    Guid Id { get; }

    bool IsActive { get; set; }

    int Revision { get; set; }
}

/// <summary>Who may change the portal's configuration: administrators only, checked by every editor service on every call.</summary>
public static class AdminAccess
{
    public static bool IsAdmin(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true && user.IsInRole(PortalRoles.Admin);
}
