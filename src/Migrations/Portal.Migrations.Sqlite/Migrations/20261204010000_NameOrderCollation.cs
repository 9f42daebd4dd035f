using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Data;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Nothing on SQLite: the name order's collation is registered on every connection (SqlitePragmaInterceptor).
    /// PostgreSQL's migration of this name creates it; the twin keeps both sets' names alike.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261204010000_NameOrderCollation")]
    public partial class NameOrderCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
