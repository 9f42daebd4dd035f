using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Data;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The name order as a PostgreSQL collation (<see cref="PostgresSchemaExtras.CreateNameOrderCollation"/>): hand SQL
    /// only, the model is unchanged, hence no designer file.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261204010000_NameOrderCollation")]
    public partial class NameOrderCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => PostgresSchemaExtras.CreateNameOrderCollation(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => PostgresSchemaExtras.DropNameOrderCollation(migrationBuilder);
    }
}
