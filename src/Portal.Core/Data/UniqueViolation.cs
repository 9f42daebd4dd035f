using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Core.Data;

/// <summary>
/// Whether a save failed on a unique key or index (another save took the value first), as each engine says it:
/// SQLite's extended codes SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY, PostgreSQL's SQLSTATE 23505. Anything else (a
/// lost connection, a value too long) is not a race to retry.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Whether the taken key is one of <paramref name="table"/>'s (its name as the model maps it), for a save that
    /// inserts into two tables and must say which value was taken: SQLite names the columns as <c>Table.Column</c> in
    /// its message, PostgreSQL gives the table.
    /// </summary>
    public static bool IsOn(DbUpdateException exception, string table) => Is(exception) && exception.InnerException switch
    {
        SqliteException sqlite => sqlite.Message.Contains($" {table}.", StringComparison.Ordinal),
        PostgresException postgres => postgres.TableName == table,
        _ => false,
    };
}
