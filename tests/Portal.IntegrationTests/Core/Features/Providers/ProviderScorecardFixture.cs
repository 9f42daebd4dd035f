using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Streams;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// A hand-built provider "scout" (manager scout-m1, operator scout-m2) beside an outsider (scout-n1, owner of the brands).
/// Today is 2026-11-16. Alpha was served 2025-11-01..11-30 and 2026-01-01..03-31 (ended) and from 2026-09-01 (running);
/// Beta 2026-05-01 until revoked on 2026-06-15; Gamma only from 2026-11-26 (not yet); Delta by an overlapping pair
/// 2026-07-01..08-31 and 08-01..09-30, and 2026-10-05..10-10 revoked only on 10-20 (after its end). Work carries the
/// provider it was done for as stored (null: done as the brand's member). Level thresholds: 1,088 and 2,000.
/// </summary>
public sealed class ProviderScorecardFixture : IAsyncLifetime
{
    public const string Code = "scout";
    public const string Manager = "scout-m1@example.com";
    public const string Operator = "scout-m2@example.com";
    public const string Outsider = "scout-n1@example.com";

    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Providers:Levels:RisingYearlyGmv"] = "1088",
        ["Providers:Levels:LeadingYearlyGmv"] = "2000",
    });

    public Guid Alpha { get; private set; }

    public Guid Beta { get; private set; }

    public Guid Gamma { get; private set; }

    public Guid Delta { get; private set; }

    private Guid _provider;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateTimeOffset At(int y, int m, int d, int hour = 10) => new(y, m, d, hour, 0, 0, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        var m1 = await UserAsync(Manager, PortalRoles.Provider);
        var m2 = await UserAsync(Operator, PortalRoles.Provider);
        var n1 = await UserAsync(Outsider, PortalRoles.BrandManager);
        Alpha = await TestBrands.CreateWithOwnerAsync(App, "sc-alpha", Outsider, "Scout Alpha", "侦察甲");
        Beta = await TestBrands.CreateWithOwnerAsync(App, "sc-beta", Outsider, "Scout Beta", "侦察乙");
        Gamma = await TestBrands.CreateWithOwnerAsync(App, "sc-gamma", Outsider, "Scout Gamma", "侦察丙");
        Delta = await TestBrands.CreateWithOwnerAsync(App, "sc-delta", Outsider, "Scout Delta", "侦察丁");
        await App.WithDbAsync(async db =>
        {
            var provider = new Provider { Code = Code, NameZh = "侦察代运营", NameEn = "Scout Ops", CompanyName = "Scout Ltd", ContactName = "Scout", ContactEmail = Manager, Status = ProviderStatus.Active };
            db.Providers.Add(provider);
            _provider = provider.Id;
            db.ProviderMembers.AddRange(
                new ProviderMember { ProviderId = provider.Id, UserId = m1, Role = ProviderRole.Manager },
                new ProviderMember { ProviderId = provider.Id, UserId = m2, Role = ProviderRole.Operator });
            const DelegatedArea all = DelegatedArea.StreamPlans | DelegatedArea.StepsTasks | DelegatedArea.MetricsImport | DelegatedArea.Documents;
            Delegate(db, provider, Alpha, all, D(2025, 11, 1), D(2025, 11, 30), null, n1);
            Delegate(db, provider, Alpha, DelegatedArea.StreamPlans | DelegatedArea.StepsTasks, D(2026, 1, 1), D(2026, 3, 31), null, n1);
            Delegate(db, provider, Alpha, DelegatedArea.StreamPlans | DelegatedArea.MetricsImport, D(2026, 9, 1), null, null, n1);
            Delegate(db, provider, Beta, all, D(2026, 5, 1), null, At(2026, 6, 15), n1);
            Delegate(db, provider, Gamma, all, D(2026, 11, 26), null, null, n1);
            Delegate(db, provider, Delta, all, D(2026, 7, 1), D(2026, 8, 31), null, n1);
            Delegate(db, provider, Delta, DelegatedArea.StreamPlans, D(2026, 8, 1), D(2026, 9, 30), null, n1);
            Delegate(db, provider, Delta, all, D(2026, 10, 5), D(2026, 10, 10), At(2026, 10, 20), n1);
            AddMetrics(db);
            AddTierChanges(db);
            await AddTasksAsync(db, m1, m2, n1);
            AddStreams(db, m1, m2, n1);
            await AddDocumentsAsync(db, m1, m2, n1);
            return await db.SaveChangesAsync();
        });
    }

    private static void Delegate(PortalDbContext db, Provider provider, Guid brand, DelegatedArea areas, DateOnly from, DateOnly? to, DateTimeOffset? revoked, Guid by) =>
        db.BrandDelegations.Add(new BrandDelegation
        {
            BrandId = brand, ProviderId = provider.Id, Areas = areas, StartsOn = from, EndsOn = to, RevokedAt = revoked,
            RevokedByUserId = revoked is null ? null : by, GrantedByUserId = by,
        });

    private void AddMetrics(PortalDbContext db)
    {
        void Gmv(Guid brand, DateOnly day, decimal gmv) => db.DailyMetrics.Add(new DailyMetric { BrandId = brand, Date = day, Gmv = gmv, UpdatedAt = At(2026, 11, 16) });
        Gmv(Alpha, D(2025, 11, 10), 3);      // inside a period, before the 365 days
        Gmv(Alpha, D(2025, 11, 20), 5);      // inside, in the year, before the 12 months
        Gmv(Alpha, D(2025, 12, 31), 1000);   // between periods
        Gmv(Alpha, D(2026, 1, 1), 100);
        Gmv(Alpha, D(2026, 2, 15), 200);
        Gmv(Alpha, D(2026, 3, 31), 300);     // the ended period's last day
        Gmv(Alpha, D(2026, 4, 1), 5000);     // the day after
        Gmv(Alpha, D(2026, 9, 1), 400);
        Gmv(Alpha, D(2026, 11, 16), 50);     // today
        Gmv(Beta, D(2026, 4, 30), 7000);
        Gmv(Beta, D(2026, 5, 1), 10);
        Gmv(Beta, D(2026, 6, 15), 20);       // the day it was revoked
        Gmv(Beta, D(2026, 6, 16), 9000);
        Gmv(Gamma, D(2026, 11, 16), 77777);  // never served yet
        Gmv(Delta, D(2026, 8, 15), 1);       // inside both of the overlapping pair: once
        Gmv(Delta, D(2026, 10, 3), 2000);    // between periods
        Gmv(Delta, D(2026, 10, 10), 2);      // the revoked-after-end delegation's last day
        Gmv(Delta, D(2026, 10, 15), 3000);   // after its end, before its revocation
    }

    private void AddTierChanges(PortalDbContext db)
    {
        void Move(Guid brand, GrowthTier from, GrowthTier to, DateOnly on) =>
            db.Set<TierChange>().Add(new TierChange { BrandId = brand, From = from, To = to, EffectiveFrom = on, Explanation = "test", Source = TierChangeSource.Metrics });
        Move(Alpha, GrowthTier.NewStore, GrowthTier.RampUp, D(2026, 1, 15)); // counts
        Move(Alpha, GrowthTier.RampUp, GrowthTier.Ka, D(2026, 5, 1));         // not served then
        Move(Alpha, GrowthTier.Ka, GrowthTier.RampUp, D(2026, 10, 1));        // served, but down
        Move(Beta, GrowthTier.RampUp, GrowthTier.Ka, D(2026, 6, 15));         // counts: the revocation's day
        Move(Beta, GrowthTier.Ka, GrowthTier.Ska, D(2026, 7, 1));             // after revocation
        Move(Gamma, GrowthTier.NewStore, GrowthTier.RampUp, D(2026, 11, 16)); // not served
        Move(Delta, GrowthTier.NewStore, GrowthTier.RampUp, D(2026, 8, 20));  // counts once: the overlap
        Move(Delta, GrowthTier.RampUp, GrowthTier.Ka, D(2026, 10, 15));       // after the end, before the revocation
    }

    private async Task AddTasksAsync(PortalDbContext db, Guid m1, Guid m2, Guid n1)
    {
        var tasks = await db.PlaybookTasks.OrderBy(t => t.Id).Select(t => t.Id).Take(4).ToListAsync();
        void Task(Guid brand, int task, Guid by, BrandTaskStatus status, DateTimeOffset? at, bool asMember = false) => db.BrandTasks.Add(new BrandTask
        {
            BrandId = brand, PlaybookTaskId = tasks[task], Status = status, CompletedByUserId = at is null ? null : by, CompletedAt = at,
            CompletedByProviderId = at is null || by == n1 || asMember ? null : _provider,
            CompletionSource = at is null ? null : CompletionSource.Manual, UpdatedAt = at ?? At(2026, 11, 1),
        });
        Task(Alpha, 0, m1, BrandTaskStatus.Done, At(2026, 2, 1));           // counts
        Task(Alpha, 1, m2, BrandTaskStatus.Done, At(2026, 9, 10));          // counts
        Task(Alpha, 2, m1, BrandTaskStatus.Done, At(2026, 4, 10));          // not served that day
        Task(Alpha, 3, n1, BrandTaskStatus.Done, At(2026, 9, 11));          // not its people
        Task(Beta, 0, m1, BrandTaskStatus.Done, At(2026, 6, 15, 9));        // counts
        Task(Beta, 1, m2, BrandTaskStatus.InProgress, null);                // not done
        Task(Gamma, 0, m1, BrandTaskStatus.Done, At(2026, 11, 16, 9));      // not served
        Task(Delta, 0, m1, BrandTaskStatus.Done, At(2026, 8, 10));          // counts
        Task(Delta, 1, m2, BrandTaskStatus.Done, At(2026, 10, 12));         // after the end, before the revocation
        Task(Delta, 2, m1, BrandTaskStatus.Done, At(2026, 8, 12), asMember: true); // done as the brand's member
    }

    private void AddStreams(PortalDbContext db, Guid m1, Guid m2, Guid n1)
    {
        void Plan(Guid brand, Guid by, DateTimeOffset created, StreamStatus status, bool asMember = false) => db.StreamPlans.Add(new StreamPlan
        {
            BrandId = brand, Title = "Stream", StartAt = created.AddDays(3), Host = "Host", CreatedByUserId = by, CreatedAt = created, Status = status,
            CreatedByProviderId = by == n1 || asMember ? null : _provider,
        });
        Plan(Alpha, m1, At(2026, 2, 10), StreamStatus.Done);       // planned and held
        Plan(Alpha, m2, At(2026, 9, 5), StreamStatus.Ready);       // planned
        Plan(Alpha, m1, At(2026, 4, 5), StreamStatus.Done);        // not served that day
        Plan(Alpha, n1, At(2026, 9, 6), StreamStatus.Done);        // not its people
        Plan(Beta, m2, At(2026, 5, 20), StreamStatus.Cancelled);   // planned
        Plan(Gamma, m1, At(2026, 11, 10), StreamStatus.Done);      // not served
        Plan(Delta, m1, At(2026, 8, 5), StreamStatus.Done);        // planned and held
        Plan(Delta, m2, At(2026, 10, 16), StreamStatus.Ready);     // after the end, before the revocation
        Plan(Delta, m2, At(2026, 9, 10), StreamStatus.Done, asMember: true); // planned as the brand's member
    }

    private async Task AddDocumentsAsync(PortalDbContext db, Guid m1, Guid m2, Guid n1)
    {
        var rule = await db.RequirementRules.OrderBy(r => r.Code).Select(r => r.Id).FirstAsync();
        var version = 0;
        void Document(Guid brand, Guid by, DateTimeOffset uploaded, params (DocumentAction Action, int Hours)[] decisions) =>
            Upload(brand, by, by == n1 ? null : _provider, uploaded, decisions);

        void Upload(Guid brand, Guid by, Guid? forProvider, DateTimeOffset uploaded, params (DocumentAction Action, int Hours)[] decisions)
        {
            var document = new Document
            {
                BrandId = brand, RuleId = rule, Version = ++version, FileHash = $"hash-{version}", ContentType = "application/pdf",
                DisplayName = $"doc-{version}.pdf", UploadedBy = by, UploadedByProviderId = forProvider, CreatedAt = uploaded,
            };
            db.Documents.Add(document);
            foreach (var (action, hours) in decisions)
            {
                db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = action, CreatedAt = uploaded.AddHours(hours) });
            }
        }

        Document(Alpha, m1, At(2026, 2, 1), (DocumentAction.ChecksPassed, 1), (DocumentAction.Approve, 10));      // 10 h
        Document(Beta, m2, At(2026, 5, 10), (DocumentAction.RequestChanges, 30), (DocumentAction.Approve, 50));   // 30 h (the first decision)
        Document(Alpha, m1, At(2026, 9, 2), (DocumentAction.Reject, 4));                                          // 4 h
        Document(Alpha, m1, At(2026, 10, 1), (DocumentAction.ChecksPassed, 1));                                   // undecided
        Document(Alpha, n1, At(2026, 9, 1), (DocumentAction.Approve, 100));                                       // not its people
        Document(Delta, m1, At(2026, 8, 20), (DocumentAction.Approve, 20));                                       // 20 h
        Document(Delta, m2, At(2026, 10, 14), (DocumentAction.Approve, 1));                                       // after the end, before the revocation
        Document(Gamma, m1, At(2026, 11, 10), (DocumentAction.Approve, 2));                                       // not served
        Upload(Delta, m1, null, At(2026, 9, 1), (DocumentAction.Approve, 3));                                     // uploaded as the brand's member
    }

    private async Task<Guid> UserAsync(string email, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = email };
        (await users.CreateAsync(user, TestBrands.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
