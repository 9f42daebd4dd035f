using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Portfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BrandPortfolioRows",
                columns: table => new
                {
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Gmv30 = table.Column<long>(type: "INTEGER", nullable: false),
                    GmvPrev30 = table.Column<long>(type: "INTEGER", nullable: false),
                    TrendPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    LastFiguresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastMilestoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Compliance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BlockedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextExpiryOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DocumentsAwaitingReview = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressDistribution = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressTraffic = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressSelfStreaming = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressPrivateDomain = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressExclusive = table.Column<int>(type: "INTEGER", nullable: false),
                    RefreshedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandPortfolioRows", x => x.BrandId);
                    table.ForeignKey(
                        name: "FK_BrandPortfolioRows_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Brands_NameEn_Code",
                table: "Brands",
                columns: new[] { "NameEn", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Brands_NameZh_Code",
                table: "Brands",
                columns: new[] { "NameZh", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_Compliance",
                table: "BrandPortfolioRows",
                column: "Compliance");

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_Gmv30",
                table: "BrandPortfolioRows",
                column: "Gmv30");

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_LastActivityAt",
                table: "BrandPortfolioRows",
                column: "LastActivityAt");

            migrationBuilder.CreateIndex(
                name: "IX_BrandPortfolioRows_NextExpiryOn",
                table: "BrandPortfolioRows",
                column: "NextExpiryOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BrandPortfolioRows");

            migrationBuilder.DropIndex(
                name: "IX_Brands_NameEn_Code",
                table: "Brands");

            migrationBuilder.DropIndex(
                name: "IX_Brands_NameZh_Code",
                table: "Brands");
        }
    }
}
