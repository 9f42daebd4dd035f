using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortfolioRowNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountManagerName",
                table: "BrandPortfolioRows",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CategoryIds",
                table: "BrandPortfolioRows",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            // The account manager's name and the category ids join the copies kept by triggers, so a page needs
            // no query for either (category names come from a cache keyed on PortfolioVersion).
            migrationBuilder.Sql("""
                UPDATE "BrandPortfolioRows" SET "AccountManagerName" = (SELECT COALESCE(NULLIF(trim(u."DisplayName"), ''), u."Email") FROM "AspNetUsers" u WHERE u."Id" = "BrandPortfolioRows"."AccountManagerUserId"),
                    "CategoryIds" = COALESCE((SELECT group_concat(c."CategoryId", ',') FROM "BrandCategories" c WHERE c."BrandId" = "BrandPortfolioRows"."BrandId"), '');
                """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Brands_PortfolioRow_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Brands_PortfolioRow_Update";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Brands_PortfolioRow_Insert" AFTER INSERT ON "Brands"
                BEGIN
                    INSERT OR IGNORE INTO "BrandPortfolioRows" ("BrandId", "Code", "NameZh", "NameEn", "Tier", "Status", "AccountManagerUserId", "CreatedAt",
                        "AsOf", "Gmv30", "GmvPrev30", "LastActivityAt", "Compliance", "DocumentsAwaitingReview", "ProgressDistribution", "ProgressTraffic",
                        "ProgressSelfStreaming", "ProgressPrivateDomain", "ProgressExclusive", "RefreshedAt", "AccountManagerName")
                    VALUES (NEW."Id", NEW."Code", NEW."NameZh", NEW."NameEn", NEW."Tier", NEW."Status", NEW."AccountManagerUserId", NEW."CreatedAt",
                        '0001-01-01', 0, 0, NEW."CreatedAt", 'Incomplete', 0, 0, 0, 0, 0, 0, NEW."CreatedAt", (SELECT COALESCE(NULLIF(trim(u."DisplayName"), ''), u."Email") FROM "AspNetUsers" u WHERE u."Id" = NEW."AccountManagerUserId"));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Brands_PortfolioRow_Update" AFTER UPDATE OF "Code", "NameZh", "NameEn", "Tier", "Status", "AccountManagerUserId", "CreatedAt" ON "Brands"
                BEGIN
                    UPDATE "BrandPortfolioRows" SET "Code" = NEW."Code", "NameZh" = NEW."NameZh", "NameEn" = NEW."NameEn", "Tier" = NEW."Tier",
                        "Status" = NEW."Status", "AccountManagerUserId" = NEW."AccountManagerUserId", "CreatedAt" = NEW."CreatedAt",
                        "AccountManagerName" = (SELECT COALESCE(NULLIF(trim(u."DisplayName"), ''), u."Email") FROM "AspNetUsers" u WHERE u."Id" = NEW."AccountManagerUserId")
                    WHERE "BrandId" = NEW."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AspNetUsers_PortfolioRow_Name" AFTER UPDATE OF "DisplayName", "Email" ON "AspNetUsers"
                BEGIN
                    UPDATE "BrandPortfolioRows" SET "AccountManagerName" = COALESCE(NULLIF(trim(NEW."DisplayName"), ''), NEW."Email") WHERE "AccountManagerUserId" = NEW."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_BrandCategories_PortfolioRow_Insert" AFTER INSERT ON "BrandCategories"
                BEGIN
                    UPDATE "BrandPortfolioRows" SET "CategoryIds" = COALESCE((SELECT group_concat(c."CategoryId", ',') FROM "BrandCategories" c WHERE c."BrandId" = NEW."BrandId"), '') WHERE "BrandId" = NEW."BrandId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_BrandCategories_PortfolioRow_Delete" AFTER DELETE ON "BrandCategories"
                BEGIN
                    UPDATE "BrandPortfolioRows" SET "CategoryIds" = COALESCE((SELECT group_concat(c."CategoryId", ',') FROM "BrandCategories" c WHERE c."BrandId" = OLD."BrandId"), '') WHERE "BrandId" = OLD."BrandId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_BrandCategories_PortfolioRow_UpdateOld" AFTER UPDATE ON "BrandCategories"
                BEGIN
                    UPDATE "BrandPortfolioRows" SET "CategoryIds" = COALESCE((SELECT group_concat(c."CategoryId", ',') FROM "BrandCategories" c WHERE c."BrandId" = OLD."BrandId"), '') WHERE "BrandId" = OLD."BrandId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_BrandCategories_PortfolioRow_UpdateNew" AFTER UPDATE ON "BrandCategories"
                BEGIN
                    UPDATE "BrandPortfolioRows" SET "CategoryIds" = COALESCE((SELECT group_concat(c."CategoryId", ',') FROM "BrandCategories" c WHERE c."BrandId" = NEW."BrandId"), '') WHERE "BrandId" = NEW."BrandId";
                END;
                """);
            // Category names and order are cached by version now, so any change of a category raises it.
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Categories_Version_Update";""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_Categories_Version_Update" AFTER UPDATE ON "Categories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "TR_Categories_Version_Insert" AFTER INSERT ON "Categories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TR_AspNetUsers_PortfolioRow_Name", "TR_BrandCategories_PortfolioRow_Insert", "TR_BrandCategories_PortfolioRow_Delete",
                "TR_BrandCategories_PortfolioRow_UpdateOld", "TR_BrandCategories_PortfolioRow_UpdateNew", "TR_Categories_Version_Insert", "TR_Categories_Version_Update",
                "TR_Brands_PortfolioRow_Insert", "TR_Brands_PortfolioRow_Update" })
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
            }

            // SQLite's own DROP COLUMN (no table rebuild, whose rename would trip over the triggers recreated below).
            migrationBuilder.Sql("""ALTER TABLE "BrandPortfolioRows" DROP COLUMN "AccountManagerName";""");
            migrationBuilder.Sql("""ALTER TABLE "BrandPortfolioRows" DROP COLUMN "CategoryIds";""");

            migrationBuilder.Sql("""CREATE TRIGGER "TR_Categories_Version_Update" AFTER UPDATE OF "Code" ON "Categories" BEGIN UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Brands_PortfolioRow_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Brands_PortfolioRow_Update";""");
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
    }
}
