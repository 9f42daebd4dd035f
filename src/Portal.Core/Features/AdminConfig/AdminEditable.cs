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
