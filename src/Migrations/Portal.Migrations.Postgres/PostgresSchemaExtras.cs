using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Localization;

namespace Portal.Migrations.Postgres;

/// <summary>
/// The schema the model cannot describe, in PostgreSQL's dialect: the one place for hand SQL, called
/// at the end of the <c>Initial</c> migration. Migrations are no longer regenerated (they only grow),
/// so new hand SQL goes in a migration of its own that calls a method here. SQLite's twin is <c>SqliteSchemaExtras</c>; keep the two alike.
/// The name order's collation came so, in <c>NameOrderCollation</c> (<see cref="CreateNameOrderCollation"/>).
/// </summary>
public static class PostgresSchemaExtras
{
    /// <summary>The name of the TRUNCATE guard, which the test endpoints' reset lifts inside its own transaction.</summary>
    public const string AuditNoTruncateTrigger = "TR_AuditEntries_NoTruncate";

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        AuditAppendOnly(migrationBuilder);
    }

    /// <summary>
    /// The audit trail is append-only in the database itself, whoever writes to it (SQLite's
    /// <c>TR_AuditEntries_NoUpdate</c>/<c>NoDelete</c>, plus TRUNCATE, which PostgreSQL has and which
    /// skips row triggers). The one change allowed is sealing: an entry saved with an empty hash receives
    /// its 64-character chain hash once, every other column unchanged. Comparing the rows as JSON without
    /// <c>Hash</c> covers columns added later too.
    /// </summary>
    private static void AuditAppendOnly(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION "AuditEntries_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    IF OLD."Hash" = '' AND length(NEW."Hash") = 64 AND (to_jsonb(NEW) - 'Hash') = (to_jsonb(OLD) - 'Hash') THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'AuditEntries is append-only: an audit entry cannot be changed' USING ERRCODE = 'restrict_violation';
                END IF;
                RAISE EXCEPTION 'AuditEntries is append-only: an audit entry cannot be deleted' USING ERRCODE = 'restrict_violation';
            END;
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{AuditNoTruncateTrigger}" BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_AppendOnly"();
            """);
    }

    /// <summary>
    /// <see cref="NameOrder"/> in PostgreSQL: ICU's Chinese collation (pinyin for Chinese, Latin letters alphabetically),
    /// case aside (strength secondary, as .NET's <c>CompareOptions.IgnoreCase</c>), so
    /// <c>EF.Functions.Collate(x, NameOrder.Collation)</c> sorts as on SQLite, where the same name is registered per
    /// connection. Npgsql quotes the name (<c>COLLATE "PORTAL_NAME"</c>): it is created quoted, in capitals.
    /// Nondeterministic, so names equal but for case tie (and the query's tie-breaker decides) as on SQLite;
    /// such a collation sorts but cannot serve LIKE, which the portal never asks of it.
    /// The portfolio's name sorts get indexes in that order (the model's plain name indexes sort by bytes), so its
    /// first page walks an index instead of sorting every row.
    /// </summary>
    public static void CreateNameOrderCollation(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE COLLATION IF NOT EXISTS "{NameOrder.Collation}" (provider = icu, locale = 'zh-u-ks-level2', deterministic = false);
            """);
        foreach (var column in NameColumns)
        {
            migrationBuilder.Sql($"""
                CREATE INDEX "IX_BrandPortfolioRows_{column}_NameOrder" ON "BrandPortfolioRows" ("{column}" COLLATE "{NameOrder.Collation}", "Code");
                """);
        }
    }

    /// <summary>Undoes <see cref="CreateNameOrderCollation"/>.</summary>
    public static void DropNameOrderCollation(MigrationBuilder migrationBuilder)
    {
        foreach (var column in NameColumns)
        {
            migrationBuilder.Sql($"""DROP INDEX IF EXISTS "IX_BrandPortfolioRows_{column}_NameOrder";""");
        }

        migrationBuilder.Sql($"""DROP COLLATION IF EXISTS "{NameOrder.Collation}";""");
    }

    private static readonly string[] NameColumns = ["NameEn", "NameZh"];
}
