using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MetricSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FromDate",
                table: "PendingMetricsEvaluations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateTable(
                name: "MetricMonths",
                columns: table => new
                {
                    BrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstPaidDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdGmvWithSpend = table.Column<long>(type: "INTEGER", nullable: true),
                    AdGmvDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AdGmvMax = table.Column<long>(type: "INTEGER", nullable: true),
                    AdGmvSum = table.Column<long>(type: "INTEGER", nullable: true),
                    AdSpendDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AdSpendMax = table.Column<long>(type: "INTEGER", nullable: true),
                    AdSpendSum = table.Column<long>(type: "INTEGER", nullable: true),
                    DistributionGmvDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DistributionGmvMax = table.Column<long>(type: "INTEGER", nullable: true),
                    DistributionGmvSum = table.Column<long>(type: "INTEGER", nullable: true),
                    ExclusiveSkusDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExclusiveSkusMax = table.Column<long>(type: "INTEGER", nullable: true),
                    ExclusiveSkusSum = table.Column<long>(type: "INTEGER", nullable: true),
                    FanGroupMembersDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FanGroupMembersMax = table.Column<long>(type: "INTEGER", nullable: true),
                    FanGroupMembersSum = table.Column<long>(type: "INTEGER", nullable: true),
                    FansDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FansMax = table.Column<long>(type: "INTEGER", nullable: true),
                    FansSum = table.Column<long>(type: "INTEGER", nullable: true),
                    GmvDays = table.Column<int>(type: "INTEGER", nullable: false),
                    GmvMax = table.Column<long>(type: "INTEGER", nullable: true),
                    GmvSum = table.Column<long>(type: "INTEGER", nullable: true),
                    InfluencersDays = table.Column<int>(type: "INTEGER", nullable: false),
                    InfluencersMax = table.Column<long>(type: "INTEGER", nullable: true),
                    InfluencersSum = table.Column<long>(type: "INTEGER", nullable: true),
                    LiveMinutesDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LiveMinutesMax = table.Column<long>(type: "INTEGER", nullable: true),
                    LiveMinutesSum = table.Column<long>(type: "INTEGER", nullable: true),
                    NewFansDays = table.Column<int>(type: "INTEGER", nullable: false),
                    NewFansMax = table.Column<long>(type: "INTEGER", nullable: true),
                    NewFansSum = table.Column<long>(type: "INTEGER", nullable: true),
                    OrdersDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OrdersMax = table.Column<long>(type: "INTEGER", nullable: true),
                    OrdersSum = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOrdersDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOrdersMax = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOrdersSum = table.Column<long>(type: "INTEGER", nullable: true),
                    PeakViewersDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PeakViewersMax = table.Column<long>(type: "INTEGER", nullable: true),
                    PeakViewersSum = table.Column<long>(type: "INTEGER", nullable: true),
                    RepurchaseRateDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RepurchaseRateMax = table.Column<long>(type: "INTEGER", nullable: true),
                    RepurchaseRateSum = table.Column<long>(type: "INTEGER", nullable: true),
                    SelfStreamGmvDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfStreamGmvMax = table.Column<long>(type: "INTEGER", nullable: true),
                    SelfStreamGmvSum = table.Column<long>(type: "INTEGER", nullable: true),
                    StreamsDays = table.Column<int>(type: "INTEGER", nullable: false),
                    StreamsMax = table.Column<long>(type: "INTEGER", nullable: true),
                    StreamsSum = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricMonths", x => new { x.BrandId, x.Month });
                    table.ForeignKey(
                        name: "FK_MetricMonths_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Figures stored before the summaries existed: queue every such brand so its months are summarised.
            migrationBuilder.Sql("""
                INSERT INTO "PendingMetricsEvaluations" ("BrandId", "RequestedAt", "FromDate")
                SELECT "BrandId", 0, MIN("Date") FROM "DailyMetrics" GROUP BY "BrandId"
                ON CONFLICT("BrandId") DO UPDATE SET "FromDate" = min("FromDate", excluded."FromDate");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MetricMonths");

            migrationBuilder.DropColumn(
                name: "FromDate",
                table: "PendingMetricsEvaluations");
        }
    }
}
