using System.Security.Claims;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Data.Configurations;
using Portal.Core.Data.Interceptors;
using Portal.Core.Features.Audit;
using Portal.Core.Time;

namespace Portal.UnitTests.Core.Features.Audit;

/// <summary>The interceptor on its own, over a small model of audited records on real SQLite.</summary>
public sealed class AuditInterceptorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly PortalClock _clock = new(TimeProvider.System);

    public AuditInterceptorTests()
    {
        _connection.Open();
        _clock.MoveTo(Now);
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Save_OfAddedAuditedRecord_WritesAnEntryWithActorBrandAndNewValues()
    {
        var brandId = Guid.NewGuid();
        var widget = new Widget { BrandId = brandId, Name = "茶杯", Price = 12 };
        var admin = Guid.NewGuid();

        await using (var db = NewContext())
        using (AuditScope.Begin(new AuditActor(admin, "admin@demo.test", "admin@demo.test")))
        {
            db.Widgets.Add(widget);
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync()).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Added);
        entry.EntityType.ShouldBe(nameof(Widget));
        entry.EntityKey.ShouldBe(widget.Id.ToString());
        entry.BrandId.ShouldBe(brandId);
        entry.ActorUserId.ShouldBe(admin);
        entry.ActorEmail.ShouldBe("admin@demo.test");
        entry.At.ShouldBe(Now, TimeSpan.FromMinutes(1));
        var changes = Changes(entry);
        changes["Name"].GetProperty("old").ValueKind.ShouldBe(JsonValueKind.Null);
        changes["Name"].GetProperty("new").GetString().ShouldBe("茶杯");
    }

    [Fact]
    public async Task Save_OfModifiedRecord_WritesOnlyTheChangedPropertiesOldAndNew()
    {
        var widget = await AddAsync(new Widget { BrandId = Guid.NewGuid(), Name = "cup", Price = 12 });

        await using (var db = NewContext())
        {
            var tracked = await db.Widgets.SingleAsync(w => w.Id == widget.Id);
            tracked.Price = 15;
            tracked.Name = "cup"; // same value: not a change
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync()).Single(e => e.Action == AuditAction.Modified);
        var changes = Changes(entry);
        changes.Keys.ShouldBe(["Price"]);
        changes["Price"].GetProperty("old").GetDecimal().ShouldBe(12m);
        changes["Price"].GetProperty("new").GetDecimal().ShouldBe(15m);
    }

    [Fact]
    public async Task Save_OfARecordAttachedAndUpdatedWhole_ComparesWithTheStoredRow()
    {
        var widget = await AddAsync(new Widget { BrandId = Guid.NewGuid(), Name = "cup", Price = 12 });

        await using (var db = NewContext())
        {
            var detached = new Widget { Id = widget.Id, BrandId = widget.BrandId, Name = "mug", Price = 12 };
            db.Update(detached);
            await db.SaveChangesAsync();
        }

        var changes = Changes((await EntriesAsync()).Single(e => e.Action == AuditAction.Modified));
        changes.Keys.ShouldBe(["Name"]);
        changes["Name"].GetProperty("old").GetString().ShouldBe("cup");
        changes["Name"].GetProperty("new").GetString().ShouldBe("mug");
    }

    [Fact]
    public async Task Save_WithoutARealChange_WritesNothing()
    {
        var widget = await AddAsync(new Widget { BrandId = Guid.NewGuid(), Name = "cup", Price = 12 });

        await using (var db = NewContext())
        {
            var tracked = await db.Widgets.SingleAsync(w => w.Id == widget.Id);
            db.Entry(tracked).Property(w => w.Name).IsModified = true;
            await db.SaveChangesAsync();
        }

        (await EntriesAsync()).Count(e => e.Action == AuditAction.Modified).ShouldBe(0);
    }

    [Fact]
    public async Task Save_OfDeletedRecord_WritesTheOldValues()
    {
        var widget = await AddAsync(new Widget { BrandId = Guid.NewGuid(), Name = "cup", Price = 12 });

        await using (var db = NewContext())
        {
            db.Widgets.Remove(await db.Widgets.SingleAsync(w => w.Id == widget.Id));
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync()).Single(e => e.Action == AuditAction.Deleted);
        Changes(entry)["Name"].GetProperty("old").GetString().ShouldBe("cup");
        Changes(entry)["Name"].GetProperty("new").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Save_OfASecret_RecordsThatItChangedButNeverItsValue()
    {
        var widget = await AddAsync(new Widget { BrandId = Guid.NewGuid(), Name = "cup", ApiSecret = "first-secret-value" });

        await using (var db = NewContext())
        {
            (await db.Widgets.SingleAsync(w => w.Id == widget.Id)).ApiSecret = "second-secret-value";
            await db.SaveChangesAsync();
        }

        var entries = await EntriesAsync();
        entries.ShouldAllBe(e => !e.Changes.Contains("secret-value"));
        Changes(entries.Single(e => e.Action == AuditAction.Modified))["ApiSecret"].GetProperty("new").GetString().ShouldBe(AuditChanges.Redacted);
    }

    [Fact]
    public async Task Save_OutsideAnyScope_IsTheSystems()
    {
        await AddAsync(new Widget { BrandId = Guid.NewGuid(), Name = "cup" });

        var entry = (await EntriesAsync()).ShouldHaveSingleItem();
        entry.ActorUserId.ShouldBeNull();
        entry.ActorName.ShouldBe(AuditActor.SystemName);
    }

    [Fact]
    public async Task Change_RolledBackWithItsTransaction_LeavesNoAuditEntry()
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Widgets.Add(new Widget { BrandId = Guid.NewGuid(), Name = "cup" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await EntriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_OfRecordThatIsNotAudited_WritesNothing()
    {
        await using (var db = NewContext())
        {
            db.Notes.Add(new Note { Text = "not audited" });
            await db.SaveChangesAsync();
        }

        (await EntriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public void Actor_FromAnonymousPrincipal_IsTheSystem_AndFromASignedInOneCarriesIdAndEmail()
    {
        AuditActor.From(new ClaimsPrincipal(new ClaimsIdentity())).ShouldBe(AuditActor.System);
        var id = Guid.NewGuid();
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Name, "a@b.test"), new Claim(ClaimTypes.Email, "a@b.test")], "test"));

        var actor = AuditActor.From(user);

        actor.UserId.ShouldBe(id);
        actor.Email.ShouldBe("a@b.test");
    }

    private async Task<Widget> AddAsync(Widget widget)
    {
        await using var db = NewContext();
        db.Widgets.Add(widget);
        await db.SaveChangesAsync();
        return widget;
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = NewContext();
        return await db.Set<AuditEntry>().AsNoTracking().ToListAsync();
    }

    private static Dictionary<string, JsonElement> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Changes)!;

    private TestContext NewContext() =>
        new(new DbContextOptionsBuilder<TestContext>().UseSqlite(_connection).AddInterceptors(new AuditInterceptor(_clock)).Options);

    public sealed class Widget : IBrandAudited
    {
        public Guid Id { get; set; } = Guid.CreateVersion7();

        public Guid BrandId { get; set; }

        public string Name { get; set; } = "";

        public decimal Price { get; set; }

        public string? ApiSecret { get; set; }
    }

    public sealed class Note
    {
        public Guid Id { get; set; } = Guid.CreateVersion7();

        public string Text { get; set; } = "";
    }

    private sealed class TestContext(DbContextOptions<TestContext> options) : DbContext(options)
    {
        public DbSet<Widget> Widgets => Set<Widget>();

        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
            modelBuilder.Entity<Widget>().Property(w => w.Price).HasConversion<double>();
        }

        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        {
            configurationBuilder.Properties<Enum>().HaveConversion<string>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }
}
