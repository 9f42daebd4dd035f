using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Email;

namespace Portal.Core.Data;

/// <summary>The portal's one database: Identity, OpenIddict's tables and the domain.</summary>
public sealed partial class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<BrandMember> BrandMembers => Set<BrandMember>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the data reads well and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset text; all instants are UTC, so a
            // binary encoding, written in UTC (StoredInstantConverter), keeps their order and lets queries filter on them.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<StoredInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<StoredInstantConverter>();
        }
        else
        {
            // Npgsql writes timestamptz only from UTC; the app's clock may hand out China time.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
        }
    }
}
