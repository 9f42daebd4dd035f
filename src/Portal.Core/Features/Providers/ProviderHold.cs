using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Providers;

/// <summary>
/// Holds a provider's row for the rest of the open transaction: on PostgreSQL a row lock (an update that changes
/// nothing), on SQLite the write lock the transaction took at its start. Two changes that each check, then write,
/// something of one provider (its managers, a brand's delegation to it) then run one after the other, and the second
/// checks what the first wrote.
/// </summary>
public static class ProviderHold
{
    public static Task HoldAsync(PortalDbContext db, Guid providerId, CancellationToken cancellationToken) =>
        db.Providers.Where(p => p.Id == providerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, p => p.Status), cancellationToken);
}
