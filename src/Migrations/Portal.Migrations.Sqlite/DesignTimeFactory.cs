using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite model without starting the web host (and so without its
/// certificates and settings): <c>dotnet ef migrations add X --project src/Migrations/Portal.Migrations.Sqlite</c>.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Sqlite, DatabaseProviders.SqliteConnectionString("design-time.db"));
        return new PortalDbContext(options.Options);
    }
}
