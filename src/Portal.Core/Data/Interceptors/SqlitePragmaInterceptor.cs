using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Localization;

namespace Portal.Core.Data.Interceptors;

/// <summary>
/// Runs <see cref="PortalCoreExtensions.SqlitePragmas"/> (WAL, busy timeout, foreign keys, page cache) on every SQLite connection EF opens, so
/// the web process, jobs and readers can share the file without "database is locked" errors; and registers
/// the <see cref="NameOrder.Collation"/> collation, so names sort in pinyin order in SQL too.
/// <para>
/// The PRAGMAs belong to the native connection, which the pool keeps open between uses, so they run once per native
/// connection rather than on every open: a page opens one connection per query, and the PRAGMAs were one command in
/// every two or three it sent.
/// </para>
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> PreparedHandles = new();

    private string Sql => PortalCoreExtensions.SqlitePragmas(busyTimeoutMs);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        AddCollations(connection);
        if (!Prepared(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
            MarkPrepared(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AddCollations(connection);
        if (!Prepared(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkPrepared(connection);
        }
    }

    // Whether this native connection (the pool hands the same handle out again) already ran the PRAGMAs. It is marked
    // only after they ran, so a first open that failed or was cancelled half-way runs them again next time.
    private static bool Prepared(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && PreparedHandles.TryGetValue(handle, out _);

    private static void MarkPrepared(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            PreparedHandles.AddOrUpdate(handle, PreparedHandles);
        }
    }

    private static void AddCollations(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateCollation(NameOrder.Collation, NameOrder.Compare);
        }
    }
}
