using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data.Interceptors;

/// <summary>
/// Runs <see cref="PortalCoreExtensions.SqlitePragmas"/> (WAL, busy timeout, foreign keys, page cache) on every SQLite connection EF opens, so
/// the web process, jobs and readers can share the file without "database is locked" errors.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private string Sql => PortalCoreExtensions.SqlitePragmas(busyTimeoutMs);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
