using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortfolioFlatRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Brands_NameEn_Code",
                table: "Brands");

            migrationBuilder.DropIndex(
                name: "IX_Brands_NameZh_Code",
                table: "Brands");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_Gmv30",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_LastActivityAt",
                table: "BrandPortfolioRows");

            migrationBuilder.AddColumn<Guid>(
                name: "AccountManagerUserId",
                table: "BrandPortfolioRows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "BrandPortfolioRows",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "BrandPortfolioRows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "BrandPortfolioRows",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "BrandPortfolioRows",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "BrandPortfolioRows",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "BrandPortfolioRows",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_AccountManagerUserId",
                table: "BrandPortfolioRows",
                column: "AccountManagerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_Code",
                table: "BrandPortfolioRows",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_CreatedAt_Code",
                table: "BrandPortfolioRows",
                columns: new[] { "CreatedAt", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_Gmv30_Code_CreatedAt_LastFiguresOn_LastMilestoneAt",
                table: "BrandPortfolioRows",
                columns: new[] { "Gmv30", "Code", "CreatedAt", "LastFiguresOn", "LastMilestoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_LastActivityAt_Code",
                table: "BrandPortfolioRows",
                columns: new[] { "LastActivityAt", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_NameEn_Code",
                table: "BrandPortfolioRows",
                columns: new[] { "NameEn", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_NameZh_Code",
                table: "BrandPortfolioRows",
                columns: new[] { "NameZh", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_Status_Code",
                table: "BrandPortfolioRows",
                columns: new[] { "Status", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_Tier_Gmv30_Code_CreatedAt_LastFiguresOn_LastMilestoneAt",
                table: "BrandPortfolioRows",
                columns: new[] { "Tier", "Gmv30", "Code", "CreatedAt", "LastFiguresOn", "LastMilestoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_TrendPercent_Code",
                table: "BrandPortfolioRows",
                columns: new[] { "TrendPercent", "Code" });

            // The brand's columns into the rows that exist, a row for every brand that has none, then the
            // triggers that keep them in step (a new brand gets its row at once; the refresher fills it in).
            migrationBuilder.Sql("""
                UPDATE "BrandPortfolioRows" SET "Code" = b."Code", "NameZh" = b."NameZh", "NameEn" = b."NameEn", "Tier" = b."Tier",
                    "Status" = b."Status", "AccountManagerUserId" = b."AccountManagerUserId", "CreatedAt" = b."CreatedAt"
                FROM "Brands" b WHERE b."Id" = "BrandPortfolioRows"."BrandId";
                INSERT OR IGNORE INTO "BrandPortfolioRows" ("BrandId", "Code", "NameZh", "NameEn", "Tier", "Status", "AccountManagerUserId", "CreatedAt",
                    "AsOf", "Gmv30", "GmvPrev30", "LastActivityAt", "Compliance", "DocumentsAwaitingReview", "ProgressDistribution", "ProgressTraffic",
                    "ProgressSelfStreaming", "ProgressPrivateDomain", "ProgressExclusive", "RefreshedAt")
                SELECT "Id", "Code", "NameZh", "NameEn", "Tier", "Status", "AccountManagerUserId", "CreatedAt",
                    '0001-01-01', 0, 0, "CreatedAt", 'Incomplete', 0, 0, 0, 0, 0, 0, "CreatedAt"
                FROM "Brands";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Brands_PortfolioRow_Insert" AFTER INSERT ON "Brands"
                BEGIN
                    INSERT OR IGNORE INTO "BrandPortfolioRows" ("BrandId", "Code", "NameZh", "NameEn", "Tier", "Status", "AccountManagerUserId", "CreatedAt",
                        "AsOf", "Gmv30", "GmvPrev30", "LastActivityAt", "Compliance", "DocumentsAwaitingReview", "ProgressDistribution", "ProgressTraffic",
                        "ProgressSelfStreaming", "ProgressPrivateDomain", "ProgressExclusive", "RefreshedAt")
                    VALUES (NEW."Id", NEW."Code", NEW."NameZh", NEW."NameEn", NEW."Tier", NEW."Status", NEW."AccountManagerUserId", NEW."CreatedAt",
                        '0001-01-01', 0, 0, NEW."CreatedAt", 'Incomplete', 0, 0, 0, 0, 0, 0, NEW."CreatedAt");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Brands_PortfolioRow_Update" AFTER UPDATE OF "Code", "NameZh", "NameEn", "Tier", "Status", "AccountManagerUserId", "CreatedAt" ON "Brands"
                BEGIN
                    UPDATE "BrandPortfolioRows" SET "Code" = NEW."Code", "NameZh" = NEW."NameZh", "NameEn" = NEW."NameEn", "Tier" = NEW."Tier",
                        "Status" = NEW."Status", "AccountManagerUserId" = NEW."AccountManagerUserId", "CreatedAt" = NEW."CreatedAt"
                    WHERE "BrandId" = NEW."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Brands_PortfolioRow_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Brands_PortfolioRow_Update";""");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_AccountManagerUserId",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_CreatedAt_Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_Gmv30_Code_CreatedAt_LastFiguresOn_LastMilestoneAt",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_LastActivityAt_Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_NameEn_Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_NameZh_Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_Status_Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_Tier_Gmv30_Code_CreatedAt_LastFiguresOn_LastMilestoneAt",
                table: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_BrandPortfolioRows_TrendPercent_Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropColumn(
                name: "AccountManagerUserId",
                table: "BrandPortfolioRows");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "BrandPortfolioRows");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "BrandPortfolioRows");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "BrandPortfolioRows");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "BrandPortfolioRows");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "BrandPortfolioRows");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "BrandPortfolioRows");

            migrationBuilder.CreateIndex(
                name: "IX_Brands_NameEn_Code",
                table: "Brands",
                columns: new[] { "NameEn", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Brands_NameZh_Code",
                table: "Brands",
                columns: new[] { "NameZh", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_Gmv30",
                table: "BrandPortfolioRows",
                column: "Gmv30");

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_LastActivityAt",
                table: "BrandPortfolioRows",
                column: "LastActivityAt");
        }
    }
}
