using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without a server or the web host:
/// <c>dotnet ef migrations add X --project src/Migrations/Portal.Migrations.Postgres</c>. Adding a
/// migration and <c>has-pending-model-changes</c> never connect; <c>database update</c> does, to the
/// server named by <c>PORTAL_DESIGN_POSTGRES</c> (a connection string), or to a local <c>portal</c> database.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("PORTAL_DESIGN_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=localhost;Database=portal";
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Postgres, connectionString);
        return new PortalDbContext(options.Options);
    }
}
