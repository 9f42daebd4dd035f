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
[Trait("Engine", "Sqlite")]
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
    public async Task Save_OfAChangeInsideAnOwnedJsonPart_IsAuditedOnItsRecord_UnderThePartsName()
    {
        var plan = new Plan { BrandId = Guid.NewGuid(), Title = "Launch", Section = new Section { Note = "hero first", Items = [new() { Name = "cup", Price = 12 }, new() { Name = "pot", Price = 88 }] } };
        await using (var db = NewContext())
        {
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var tracked = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            tracked.Section.Items[1].Price = 99;
            await db.SaveChangesAsync();
        }

        var entries = await EntriesAsync();
        var added = Changes(entries.Single(e => e.Action == AuditAction.Added));
        added["Section"].GetProperty("old").ValueKind.ShouldBe(JsonValueKind.Null);
        added["Section"].GetProperty("new").GetProperty("Items").GetArrayLength().ShouldBe(2);
        var modified = entries.Single(e => e.Action == AuditAction.Modified);
        modified.EntityType.ShouldBe(nameof(Plan));
        modified.BrandId.ShouldBe(plan.BrandId);
        var changes = Changes(modified);
        changes.Keys.ShouldBe(["Section"]);
        changes["Section"].GetProperty("old").GetProperty("Items")[1].GetProperty("Price").GetDecimal().ShouldBe(88m);
        changes["Section"].GetProperty("new").GetProperty("Items")[1].GetProperty("Price").GetDecimal().ShouldBe(99m);
        changes["Section"].GetProperty("new").GetProperty("Note").GetString().ShouldBe("hero first");
    }

    [Fact]
    public async Task Save_OfAnOwnedListRefilledWithTheSameValues_WritesNothing_ButARemovedItemIsAChange()
    {
        var plan = new Plan { BrandId = Guid.NewGuid(), Title = "Launch", Section = new Section { Items = [new() { Name = "cup", Price = 12 }, new() { Name = "pot", Price = 88 }] } };
        await AddPlanAsync(plan);

        await using (var db = NewContext())
        {
            var tracked = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            tracked.Section.Items = tracked.Section.Items.Select(i => new Item { Name = i.Name, Price = i.Price }).ToList();
            await db.SaveChangesAsync();
        }

        (await EntriesAsync()).Count(e => e.Action == AuditAction.Modified).ShouldBe(0);

        await using (var db = NewContext())
        {
            var tracked = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            tracked.Section.Items.RemoveAt(0);
            await db.SaveChangesAsync();
        }

        var changes = Changes((await EntriesAsync()).Single(e => e.Action == AuditAction.Modified));
        changes["Section"].GetProperty("old").GetProperty("Items").GetArrayLength().ShouldBe(2);
        changes["Section"].GetProperty("new").GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("Name").GetString()).ShouldBe(["pot"]);
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

    private async Task AddPlanAsync(Plan plan)
    {
        await using var db = NewContext();
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = NewContext();
        return await db.Set<AuditEntry>().AsNoTracking().ToListAsync();
    }

    private static Dictionary<string, JsonElement> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Changes)!;

    private TestContext NewContext() =>
        new(new DbContextOptionsBuilder<TestContext>().UseSqlite(_connection).AddInterceptors(new AuditInterceptor(_clock), new AuditChainInterceptor()).Options);

    public sealed class Widget : IBrandAudited
    {
        public Guid Id { get; set; } = Guid.CreateVersion7();

        public Guid BrandId { get; set; }

        public string Name { get; set; } = "";

        public decimal Price { get; set; }

        public string? ApiSecret { get; set; }
    }

    /// <summary>A record with an owned part stored as JSON, as a stream plan holds its STAGE sections.</summary>
    public sealed class Plan : IBrandAudited
    {
        public Guid Id { get; set; } = Guid.CreateVersion7();

        public Guid BrandId { get; set; }

        public string Title { get; set; } = "";

        public Section Section { get; set; } = new();
    }

    public sealed class Section
    {
        public string Note { get; set; } = "";

        public List<Item> Items { get; set; } = [];
    }

    public sealed class Item
    {
        public string Name { get; set; } = "";

        public decimal Price { get; set; }
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

        public DbSet<Plan> Plans => Set<Plan>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
            modelBuilder.Entity<Widget>().Property(w => w.Price).HasConversion<double>();
            modelBuilder.Entity<Plan>().OwnsOne(p => p.Section, s =>
            {
                s.ToJson();
                s.OwnsMany(x => x.Items);
            });
            modelBuilder.Entity<Plan>().Navigation(p => p.Section).IsRequired();
        }

        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        {
            configurationBuilder.Properties<Enum>().HaveConversion<string>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }
}
