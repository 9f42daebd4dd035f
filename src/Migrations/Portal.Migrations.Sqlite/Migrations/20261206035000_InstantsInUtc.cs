using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Re-encodes every instant stored at an offset other than UTC (the offset is in the low 11 bits) as the same
    /// instant in UTC, as <c>StoredInstantConverter</c> now writes them, so SQL compares and sorts all of them alike.
    /// The columns are the model's DateTimeOffset columns when this was written; AuditEntries is left out: its
    /// interceptor has always stamped UTC, and its rows are append-only (a trigger refuses the update).
    /// The model does not change: its snapshot is untouched. PostgreSQL stores UTC already (timestamptz).
    /// </summary>
    public partial class InstantsInUtc : Migration
    {
        private static readonly Dictionary<string, string[]> Instants = new()
        {
            ["AccountManagerChanges"] = ["CreatedAt"],
            ["ApplicationEvents"] = ["CreatedAt"],
            ["AspNetUsers"] = ["CreatedAt", "LockoutEnd"],
            ["BrandComments"] = ["CreatedAt"],
            ["BrandDelegations"] = ["CreatedAt", "RevokedAt"],
            ["BrandInvitations"] = ["AcceptedAt", "CreatedAt", "ExpiresAt", "RevokedAt"],
            ["BrandMembers"] = ["JoinedAt"],
            ["BrandPortfolioRows"] = ["CreatedAt", "LastActivityAt", "LastMilestoneAt", "RefreshedAt"],
            ["Brands"] = ["CreatedAt", "LastDecisionAt", "SubmittedAt"],
            ["BrandTasks"] = ["CompletedAt", "UpdatedAt"],
            ["DailyMetrics"] = ["UpdatedAt"],
            ["DocumentDecisions"] = ["CreatedAt"],
            ["DocumentNotices"] = ["CreatedAt"],
            ["Documents"] = ["AwaitingSince", "CheckedAt", "CreatedAt", "FraudClearedAt"],
            ["MetricsImportRecords"] = ["CreatedAt"],
            ["MilestoneAchievements"] = ["CreatedAt", "TasksCompletedAt"],
            ["Notifications"] = ["CreatedAt", "ReadAt"],
            ["NotifiedSources"] = ["ProcessedAt"],
            ["OutgoingEmails"] = ["CreatedAt", "SentAt"],
            ["PendingMetricsEvaluations"] = ["RequestedAt"],
            ["PendingPortfolioRefreshes"] = ["QueuedAt"],
            ["PortalSettings"] = ["UpdatedAt"],
            ["ProviderInvitations"] = ["AcceptedAt", "CreatedAt", "ExpiresAt", "RevokedAt"],
            ["ProviderMembers"] = ["JoinedAt"],
            ["Providers"] = ["CreatedAt", "DecidedAt"],
            ["SignInSessions"] = ["CreatedAt", "ExpiresAt"],
            ["StreamPlans"] = ["CreatedAt", "StartAt", "UpdatedAt"],
            ["TierChanges"] = ["CreatedAt"],
            ["TrustCardChanges"] = ["CreatedAt"],
            ["TrustCardCommitments"] = ["UpdatedAt"],
        };

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, columns) in Instants)
            {
                foreach (var column in columns)
                {
                    // ticks/1000 at the offset, less the offset (minutes, 11-bit signed) in those units: 600,000 a minute.
                    migrationBuilder.Sql($"""
                        UPDATE "{table}" SET "{column}" = ((("{column}" >> 11) - ((("{column}" & 2047) + 1024) % 2048 - 1024) * 600000) << 11)
                        WHERE "{column}" IS NOT NULL AND ("{column}" & 2047) <> 0;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the UTC encoding reads back as the same instants under the old converter.
        }
    }
}
