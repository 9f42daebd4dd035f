using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActingProvider : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CreatedByProviderId",
                table: "StreamPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UploadedByProviderId",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CompletedByProviderId",
                table: "BrandTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AuthorProviderId",
                table: "BrandComments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MetricsImportRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImportedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedByProviderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricsImportRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MetricsImportRecords_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MetricsImportRecords_BrandId_CreatedAt",
                table: "MetricsImportRecords",
                columns: new[] { "BrandId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MetricsImportRecords");

            migrationBuilder.DropColumn(
                name: "CreatedByProviderId",
                table: "StreamPlans");

            migrationBuilder.DropColumn(
                name: "UploadedByProviderId",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "CompletedByProviderId",
                table: "BrandTasks");

            migrationBuilder.DropColumn(
                name: "AuthorProviderId",
                table: "BrandComments");
        }
    }
}
