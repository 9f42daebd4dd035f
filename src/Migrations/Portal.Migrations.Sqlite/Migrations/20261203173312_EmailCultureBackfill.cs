using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// E-mails queued before <c>EmailCulture</c> have an empty language, so their HTML frame would be
    /// English whatever their text. Their subject was written in the recipient's language: one with a
    /// Chinese character is Chinese, any other English.
    /// </summary>
    public partial class EmailCultureBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // GLOB compares code points, so the range is the CJK Unified Ideographs block.
            migrationBuilder.Sql("""
                UPDATE "OutgoingEmails"
                SET "Culture" = CASE WHEN "Subject" GLOB '*[一-鿿]*' THEN 'zh-CN' ELSE 'en' END
                WHERE "Culture" = '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: EmailCulture's Down drops the column.
        }
    }
}
