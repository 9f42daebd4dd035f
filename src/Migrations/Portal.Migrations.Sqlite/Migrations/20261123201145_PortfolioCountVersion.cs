using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortfolioCountVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortfolioVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PortfolioVersion",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Every change that can change a portfolio count raises the version (PortfolioQuery keys its cached counts on it).
            migrationBuilder.Sql("""CREATE TRIGGER "TR_BrandPortfolioRows_Version_Insert" AFTER INSERT ON "BrandPortfolioRows" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_BrandPortfolioRows_Version_Update" AFTER UPDATE ON "BrandPortfolioRows" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_BrandPortfolioRows_Version_Delete" AFTER DELETE ON "BrandPortfolioRows" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_BrandCategories_Version_Insert" AFTER INSERT ON "BrandCategories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_BrandCategories_Version_Update" AFTER UPDATE ON "BrandCategories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_BrandCategories_Version_Delete" AFTER DELETE ON "BrandCategories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_Categories_Version_Update" AFTER UPDATE OF "Code" ON "Categories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_Categories_Version_Delete" AFTER DELETE ON "Categories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_BrandPortfolioRows_Version_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_BrandPortfolioRows_Version_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_BrandPortfolioRows_Version_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_BrandCategories_Version_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_BrandCategories_Version_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_BrandCategories_Version_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Categories_Version_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Categories_Version_Delete";""");

            migrationBuilder.DropTable(
                name: "PortfolioVersion");
        }
    }
}
