using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Metrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyMetrics",
                columns: table => new
                {
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Gmv = table.Column<long>(type: "INTEGER", nullable: true),
                    Orders = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOrders = table.Column<long>(type: "INTEGER", nullable: true),
                    Streams = table.Column<long>(type: "INTEGER", nullable: true),
                    LiveMinutes = table.Column<long>(type: "INTEGER", nullable: true),
                    PeakViewers = table.Column<long>(type: "INTEGER", nullable: true),
                    NewFans = table.Column<long>(type: "INTEGER", nullable: true),
                    Fans = table.Column<long>(type: "INTEGER", nullable: true),
                    FanGroupMembers = table.Column<long>(type: "INTEGER", nullable: true),
                    RepurchaseRate = table.Column<long>(type: "INTEGER", nullable: true),
                    DistributionGmv = table.Column<long>(type: "INTEGER", nullable: true),
                    Influencers = table.Column<long>(type: "INTEGER", nullable: true),
                    AdSpend = table.Column<long>(type: "INTEGER", nullable: true),
                    AdGmv = table.Column<long>(type: "INTEGER", nullable: true),
                    ExclusiveSkus = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyMetrics", x => new { x.BrandId, x.Date });
                    table.ForeignKey(
                        name: "FK_DailyMetrics_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneDefinitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Aggregation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Threshold = table.Column<decimal>(type: "TEXT", nullable: false),
                    TaskCodes = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingMetricsEvaluations",
                columns: table => new
                {
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingMetricsEvaluations", x => x.BrandId);
                    table.ForeignKey(
                        name: "FK_PendingMetricsEvaluations_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneAchievements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MilestoneDefinitionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TasksCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneAchievements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MilestoneAchievements_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MilestoneAchievements_MilestoneDefinitions_MilestoneDefinitionId",
                        column: x => x.MilestoneDefinitionId,
                        principalTable: "MilestoneDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyMetrics_Date",
                table: "DailyMetrics",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneAchievements_BrandId_MilestoneDefinitionId",
                table: "MilestoneAchievements",
                columns: new[] { "BrandId", "MilestoneDefinitionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneAchievements_MilestoneDefinitionId",
                table: "MilestoneAchievements",
                column: "MilestoneDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneDefinitions_Code",
                table: "MilestoneDefinitions",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyMetrics");

            migrationBuilder.DropTable(
                name: "MilestoneAchievements");

            migrationBuilder.DropTable(
                name: "PendingMetricsEvaluations");

            migrationBuilder.DropTable(
                name: "MilestoneDefinitions");
        }
    }
}
