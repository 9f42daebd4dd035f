using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UploadedByProviderId",
                table: "Documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CompletedByProviderId",
                table: "BrandTasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AuthorProviderId",
                table: "BrandComments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MetricsImportRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BrandId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LastDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedByProviderId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
