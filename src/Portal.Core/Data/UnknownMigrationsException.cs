using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>
/// The database was made by migrations this build does not have: a file from before the migrations
/// were squashed into one <c>Initial</c> (issue 15), or one a newer build upgraded. The portal refuses
/// to guess a schema; the message (for operators, in English like every log) names the database and what to do.
/// </summary>
public sealed class UnknownMigrationsException(string message) : InvalidOperationException(message)
{
    internal static UnknownMigrationsException For(PortalDbContext db, IReadOnlyList<string> unknown)
    {
        var applied = string.Join(", ", unknown.Take(3)) + (unknown.Count > 3 ? $" and {unknown.Count - 3} more" : "");
        if (db.Database.IsSqlite())
        {
            var file = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            return new UnknownMigrationsException(
                $"The database file '{file}' was made by migrations this version of the portal does not have ({applied}). "
                + "The SQLite migrations were squashed into one 'Initial' migration, so a database made before that cannot be upgraded. "
                + $"If it holds demo data only, stop the portal, delete '{file}' (with its -wal and -shm files) and start again: "
                + "a new database is made and seeded. Otherwise, set Database:SqlitePath to another file.");
        }

        return new UnknownMigrationsException(
            $"The database '{db.Database.GetDbConnection().Database}' was made by migrations this version of the portal does not have ({applied}). "
            + "Point Database:ConnectionString at an empty database, or drop and recreate this one if it holds demo data only.");
    }
}
