using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortfolioRefreshQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingPortfolioRefreshes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingPortfolioRefreshes", x => x.Id);
                });

            // The portfolio rows are now refreshed through the queue above, and PortfolioVersion is raised by the code
            // that writes them (ADR 0017-a): every trigger of the PortfolioFlatRows, PortfolioCountVersion and
            // PortfolioRowNames migrations goes. The audit triggers (TR_AuditEntries_*) stay.
            foreach (var trigger in PortfolioTriggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
            }
        }

        private static readonly string[] PortfolioTriggers =
        [
            "TR_Brands_PortfolioRow_Insert", "TR_Brands_PortfolioRow_Update", "TR_AspNetUsers_PortfolioRow_Name",
            "TR_BrandCategories_PortfolioRow_Insert", "TR_BrandCategories_PortfolioRow_Delete",
            "TR_BrandCategories_PortfolioRow_UpdateOld", "TR_BrandCategories_PortfolioRow_UpdateNew",
            "TR_BrandPortfolioRows_Version_Insert", "TR_BrandPortfolioRows_Version_Update", "TR_BrandPortfolioRows_Version_Delete",
            "TR_BrandCategories_Version_Insert", "TR_BrandCategories_Version_Update", "TR_BrandCategories_Version_Delete",
            "TR_Categories_Version_Insert", "TR_Categories_Version_Update", "TR_Categories_Version_Delete",
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The triggers are not recreated: the earlier migrations' Down steps drop them with IF EXISTS, and the
            // SQLite migrations are to be squashed before anything is deployed.
            migrationBuilder.DropTable(
                name: "PendingPortfolioRefreshes");
        }
    }
}
