using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Data.Postgres;

/// <summary>
/// PostgreSQL's migrations and model on a real server (<c>PORTAL_TEST_POSTGRES</c>), each test on a
/// database of its own. The web host does not run on PostgreSQL yet (its raw SQL is SQLite's); these
/// prove the schema, the native types and the audit rules.
/// </summary>
[Trait("Kind", "Postgres")]
public sealed class PostgresSchemaTests
{
    // PostgreSQL keeps microseconds; every instant here is whole milliseconds in UTC, as timestamptz reads back.
    private static readonly DateTimeOffset At = new(2026, 11, 16, 2, 0, 0, 123, TimeSpan.Zero);

    [PostgresFact]
    public async Task Migrations_OnAnEmptyDatabase_ApplyAndLeaveNothingPending()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var db = database.NewContext();

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        db.Database.HasPendingModelChanges().ShouldBeFalse();
        var types = await db.Database.SqlQueryRaw<string>("""
            SELECT table_name || '.' || column_name || ' ' || data_type AS "Value" FROM information_schema.columns
            WHERE (table_name, column_name) IN (('Brands', 'Id'), ('Brands', 'CreatedAt'), ('DailyMetrics', 'Date'), ('AuditEntries', 'At'))
            ORDER BY 1
            """).ToListAsync();
        types.ShouldBe(["AuditEntries.At timestamp with time zone", "Brands.CreatedAt timestamp with time zone", "Brands.Id uuid", "DailyMetrics.Date date"]);
    }

    [PostgresFact]
    public async Task Entities_SavedThroughEf_ReadBackEqual()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var (brand, category, document, metric, audit) = NewRows();
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            db.Add(category);
            db.Add(brand);
            brand.Categories.Add(new BrandCategory { BrandId = brand.Id, CategoryId = category.Id });
            db.Add(Rule(document.RuleId));
            db.AddRange(document, metric, audit);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var brandBack = await read.Brands.AsNoTracking().Include(b => b.Categories).SingleAsync();
        brandBack.Code.ShouldBe("pg-brand");
        brandBack.NameZh.ShouldBe("测试品牌");
        brandBack.CreatedAt.ShouldBe(At);
        brandBack.DecisionDueOn.ShouldBe(new DateOnly(2026, 11, 30));
        brandBack.AuthorizationChain.Select(l => (l.Grantor, l.Grantee)).ShouldBe([("Owner Ltd", "Seller Ltd")]);
        brandBack.Categories.ShouldHaveSingleItem().CategoryId.ShouldBe(category.Id);

        var documentBack = await read.Set<Document>().AsNoTracking().SingleAsync();
        (documentBack.Id, documentBack.BrandId, documentBack.Type, documentBack.ExpiresOn, documentBack.CreatedAt)
            .ShouldBe((document.Id, brand.Id, DocumentType.TrademarkCertificate, new DateOnly(2028, 1, 31), At));
        documentBack.CoveredCategories.ShouldBe(["food", "drinks"]);
        documentBack.CheckFailures.Select(f => (f.Code, f.Argument)).ShouldBe([("expired", "2026-01-01")]);

        var metricBack = await read.Set<DailyMetric>().AsNoTracking().SingleAsync();
        (metricBack.Date, metricBack.Gmv, metricBack.Orders, metricBack.RepurchaseRate, metricBack.UpdatedAt)
            .ShouldBe((new DateOnly(2026, 11, 15), 12345.67m, 89L, 0.1234m, At));

        var auditBack = await read.Set<AuditEntry>().AsNoTracking().SingleAsync();
        (auditBack.Id, auditBack.Sequence, auditBack.At, auditBack.BrandId, auditBack.Action, auditBack.Changes)
            .ShouldBe((audit.Id, 1L, At, brand.Id, AuditAction.Added, """{"Code":"pg-brand"}"""));
    }

    [PostgresFact]
    public async Task AuditEntries_RefuseUpdateDeleteAndTruncate_ButAllowSealingOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var unsealed = new AuditEntry { Sequence = 1, At = At, ActorName = "system", EntityType = "Brand", EntityKey = "k", Action = AuditAction.Added };
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        db.Add(unsealed);
        await db.SaveChangesAsync();

        // Sealing (AuditChain.SealUnsealedAsync): an empty hash receives its 64 characters, nothing else changes.
        var hash = new string('a', 64);
        (await db.Set<AuditEntry>().ExecuteUpdateAsync(s => s.SetProperty(e => e.Hash, hash))).ShouldBe(1);

        await Refused(db.Set<AuditEntry>().ExecuteUpdateAsync(s => s.SetProperty(e => e.Hash, new string('b', 64))), "cannot be changed");
        await Refused(db.Set<AuditEntry>().ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "someone else")), "cannot be changed");
        await Refused(db.Set<AuditEntry>().ExecuteDeleteAsync(), "cannot be deleted");
        await Refused(db.Database.ExecuteSqlRawAsync("""TRUNCATE "AuditEntries" """), "cannot be deleted");

        var kept = await db.Set<AuditEntry>().AsNoTracking().SingleAsync();
        (kept.Hash, kept.ActorName).ShouldBe((hash, "system"));
    }

    [PostgresFact]
    public async Task AuditEntries_SealingThatAlsoChangesAField_IsRefused()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        db.Add(new AuditEntry { Sequence = 1, At = At, ActorName = "system", EntityType = "Brand", EntityKey = "k", Action = AuditAction.Added });
        await db.SaveChangesAsync();

        await Refused(db.Set<AuditEntry>().ExecuteUpdateAsync(s => s.SetProperty(e => e.Hash, new string('a', 64)).SetProperty(e => e.EntityKey, "forged")), "cannot be changed");
    }

    private static async Task Refused(Task<int> write, string message)
    {
        var error = await Should.ThrowAsync<PostgresException>(write);
        error.MessageText.ShouldContain($"AuditEntries is append-only: an audit entry {message}");
    }

    private static (Brand Brand, Category Category, Document Document, DailyMetric Metric, AuditEntry Audit) NewRows()
    {
        var category = new Category { Code = "pg-food", NameZh = "食品", NameEn = "Food" };
        var brand = new Brand { Code = "pg-brand", NameZh = "测试品牌", NameEn = "Test brand", CreatedAt = At };
        brand.AuthorizationChain.Add(new AuthorizationLink { Grantor = "Owner Ltd", Grantee = "Seller Ltd" });
        typeof(Brand).GetProperty(nameof(Brand.DecisionDueOn))!.SetValue(brand, new DateOnly(2026, 11, 30));
        var document = new Document
        {
            BrandId = brand.Id, RuleId = Guid.CreateVersion7(), Type = DocumentType.TrademarkCertificate, Version = 1,
            FileHash = new string('0', 64), ContentType = "application/pdf", Size = 1024, DisplayName = "tm.pdf",
            ExpiresOn = new DateOnly(2028, 1, 31), CoveredCategories = ["food", "drinks"], UploadedBy = Guid.CreateVersion7(), CreatedAt = At,
        };
        document.CheckFailures.Add(new CheckFinding { Code = "expired", Argument = "2026-01-01" });
        var metric = new DailyMetric { BrandId = brand.Id, Date = new DateOnly(2026, 11, 15), Gmv = 12345.67m, Orders = 89, RepurchaseRate = 0.1234m, UpdatedAt = At };
        var audit = new AuditEntry
        {
            Sequence = 1, At = At, ActorName = "system", BrandId = brand.Id, EntityType = "Brand", EntityKey = brand.Id.ToString(),
            Action = AuditAction.Added, Changes = """{"Code":"pg-brand"}""",
        };
        return (brand, category, document, metric, audit);
    }

    private static RequirementRule Rule(Guid id) => new() { Id = id, Code = "pg-rule", DocumentType = DocumentType.TrademarkCertificate };
}
