using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportRecordApiClient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ImportedByUserId",
                table: "MetricsImportRecords",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "ImportedByClientId",
                table: "MetricsImportRecords",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The records of API clients have no person; the older schema cannot hold them.
            migrationBuilder.Sql("DELETE FROM \"MetricsImportRecords\" WHERE \"ImportedByUserId\" IS NULL;");

            migrationBuilder.DropColumn(
                name: "ImportedByClientId",
                table: "MetricsImportRecords");

            migrationBuilder.AlterColumn<Guid>(
                name: "ImportedByUserId",
                table: "MetricsImportRecords",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
