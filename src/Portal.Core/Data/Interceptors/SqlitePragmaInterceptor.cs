using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Localization;

namespace Portal.Core.Data.Interceptors;

/// <summary>
/// Runs <see cref="PortalCoreExtensions.SqlitePragmas"/> (WAL, busy timeout, foreign keys, page cache) on every SQLite connection EF opens, so
/// the web process, jobs and readers can share the file without "database is locked" errors; and registers
/// the <see cref="NameOrder.Collation"/> collation, so names sort in pinyin order in SQL too.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private string Sql => PortalCoreExtensions.SqlitePragmas(busyTimeoutMs);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        AddCollations(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AddCollations(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddCollations(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateCollation(NameOrder.Collation, NameOrder.Compare);
        }
    }
}
