using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainAndKeyRing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            // Entries written before the chain get positions in their written order; the first start
            // of the app seals them (AuditChain.SealUnsealedAsync), which the update trigger allows once.
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "Sequence" = (
                    SELECT COUNT(*) FROM "AuditEntries" AS b
                    WHERE b."At" < "AuditEntries"."At" OR (b."At" = "AuditEntries"."At" AND b."Id" <= "AuditEntries"."Id"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);

            // The audit trail is append-only in the database itself, whoever writes to it.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                WHEN NOT (OLD."Hash" = '' AND length(NEW."Hash") = 64
                    AND NEW."Id" IS OLD."Id" AND NEW."Sequence" IS OLD."Sequence" AND NEW."At" IS OLD."At"
                    AND NEW."ActorUserId" IS OLD."ActorUserId" AND NEW."ActorName" IS OLD."ActorName" AND NEW."ActorEmail" IS OLD."ActorEmail"
                    AND NEW."BrandId" IS OLD."BrandId" AND NEW."EntityType" IS OLD."EntityType" AND NEW."EntityKey" IS OLD."EntityKey"
                    AND NEW."Action" IS OLD."Action" AND NEW."Operation" IS OLD."Operation" AND NEW."Changes" IS OLD."Changes")
                BEGIN
                    SELECT RAISE(ABORT, 'AuditEntries is append-only: an audit entry cannot be changed');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'AuditEntries is append-only: an audit entry cannot be deleted');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_AuditEntries_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_AuditEntries_NoDelete";""");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEntries");
        }
    }
}
