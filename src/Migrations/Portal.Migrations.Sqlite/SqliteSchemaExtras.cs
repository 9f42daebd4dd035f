using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Migrations.Sqlite;

/// <summary>
/// The schema the model cannot describe, in SQLite's dialect: the one place for hand SQL, called at
/// the end of the <c>Initial</c> migration. Migrations are no longer regenerated (they only grow),
/// so new hand SQL goes in a migration of its own that calls a method here. PostgreSQL's twin is <c>PostgresSchemaExtras</c>.
/// </summary>
public static class SqliteSchemaExtras
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        AuditAppendOnly(migrationBuilder);
    }

    /// <summary>
    /// The audit trail is append-only in the database itself, whoever writes to it. The one change
    /// allowed is sealing: an entry saved with an empty hash receives its 64-character chain hash once,
    /// every other column unchanged (<c>AuditChain.SealUnsealedAsync</c>).
    /// </summary>
    private static void AuditAppendOnly(MigrationBuilder migrationBuilder)
    {
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
}
