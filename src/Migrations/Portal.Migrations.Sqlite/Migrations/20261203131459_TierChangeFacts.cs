using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TierChangeFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Gmv",
                table: "TierChanges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Months",
                table: "TierChanges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProofMonth",
                table: "TierChanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "TierChanges",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Threshold",
                table: "TierChanges",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Gmv",
                table: "TierChanges");

            migrationBuilder.DropColumn(
                name: "Months",
                table: "TierChanges");

            migrationBuilder.DropColumn(
                name: "ProofMonth",
                table: "TierChanges");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "TierChanges");

            migrationBuilder.DropColumn(
                name: "Threshold",
                table: "TierChanges");
        }
    }
}
