using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Operations;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Components.Pages.Operations.Brand360;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>
/// One host where Farsail's operator (<see cref="DemoData.ProviderOperatorEmail"/>, STEPS tasks delegated on Cloud Tea)
/// has started a STEPS task through <see cref="JourneyService"/>, inside the audit scope the web host opens per request:
/// a real audited change made on the brand's behalf. A started task (not a done one) stays in the timeline's audit trail,
/// since no domain history tells it.
/// </summary>
public sealed class OnBehalfCaptionApp : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public Guid DemoTeaId { get; private set; }

    public async Task InitializeAsync()
    {
        DemoTeaId = await App.WithDbAsync(db => db.Brands.Where(b => b.Code == DemoData.BrandCode).Select(b => b.Id).SingleAsync());
        var operatorId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.ProviderOperatorEmail).Select(u => u.Id).SingleAsync());
        var code = await App.WithDbAsync(db => db.PlaybookTasks
            .Where(t => t.IsActive && !db.BrandTasks.Any(b => b.BrandId == DemoTeaId && b.PlaybookTaskId == t.Id && b.Status != BrandTaskStatus.NotStarted))
            .OrderBy(t => t.Code).Select(t => t.Code).FirstAsync());
        var before = await App.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Sequence)) ?? 0;

        using (AuditScope.Begin(await App.PrincipalAsync(DemoData.ProviderOperatorEmail)))
        {
            var started = await App.Services.GetRequiredService<JourneyService>()
                .SetTaskStatusAsync(DemoTeaId, code, BrandTaskStatus.InProgress, null, CompletionSource.Manual, operatorId);
            started.Errors.ShouldBeEmpty();
        }

        // The change was audited as the operator's, with their provider: what the pages are to show.
        (await App.WithDbAsync(db => db.AuditEntries
            .CountAsync(e => e.Sequence > before && e.EntityType == nameof(BrandTask) && e.BrandId == DemoTeaId && e.ActorProviderId != null))).ShouldBe(1);
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>
/// The "on the brand's behalf" captions as rendered: the admin audit log (/admin/audit) and the Brand 360 timeline show
/// a change by Farsail's operator with Farsail named, in English and Chinese.
/// </summary>
public sealed class OnBehalfCaptionTests : PortalTestContext, IClassFixture<OnBehalfCaptionApp>
{
    private const string Operator = "远帆 主播运营 He Jia";

    private readonly OnBehalfCaptionApp _fixture;

    public OnBehalfCaptionTests(OnBehalfCaptionApp fixture)
    {
        _fixture = fixture;
        var services = fixture.App.Services;
        Services.AddSingleton(services.GetRequiredService<AuditLog>());
        Services.AddSingleton(services.GetRequiredService<AuditNames>());
        Services.AddSingleton(services.GetRequiredService<AuditValueTypes>());
        Services.AddSingleton(services.GetRequiredService<AuditChainVerification>());
        Services.AddTransient<AuditWords>();
    }

    [Theory]
    [InlineData(PortalCultures.English, "of Farsail Operations, on the brand's behalf")]
    [InlineData(PortalCultures.Chinese, "远帆代运营，代品牌操作")]
    public async Task AuditLog_ChangeByAProvidersPerson_NamesTheirProviderOnTheBrandsBehalf(string culture, string caption)
    {
        UseCulture(culture);
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoData.AdminEmail);
        auth.SetRoles(PortalRoles.Admin);
        auth.SetClaims((await _fixture.App.PrincipalAsync(DemoData.AdminEmail)).Claims.ToArray());

        var page = Render(builder =>
        {
            builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<AdminAudit>(1);
            builder.CloseComponent();
        });

        // The seed's own entries fill the first page; look the operator up as an admin would, by name.
        page.WaitForAssertion(() => page.FindAll("tr.audit-row").Count.ShouldBe(50));
        await TypeAsync(page, "input[data-testid=audit-actor], [data-testid=audit-actor] input", "He Jia");

        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("tr.audit-row").ShouldHaveSingleItem();
            row.TextContent.ShouldContain(Operator);
            row.TextContent.ShouldContain(DemoData.BrandCode);
            row.QuerySelector("[data-testid=audit-on-behalf]").ShouldNotBeNull().TextContent.Trim().ShouldBe(caption);
        });
    }

    [Theory]
    [InlineData(PortalCultures.English, "by 远帆 主播运营 He Jia of Farsail Operations, on the brand's behalf")]
    [InlineData(PortalCultures.Chinese, "由远帆代运营的 远帆 主播运营 He Jia 代品牌操作")]
    public async Task Timeline_ChangeByAProvidersPerson_NamesTheirProviderOnTheBrandsBehalf(string culture, string caption)
    {
        UseCulture(culture);
        var staff = await _fixture.App.PrincipalAsync(DemoData.OperatorEmail);
        var entries = (await _fixture.App.Services.GetRequiredService<BrandTimelineService>().GetAsync(staff, _fixture.DemoTeaId)).ShouldNotBeNull();

        var list = Render<BrandTimelineList>(p => p.Add(c => c.Entries, entries));

        var onBehalf = list.FindAll("[data-testid=timeline-entry]").Where(i => i.QuerySelector("[data-testid=timeline-on-behalf]") is not null).ToList();
        var item = onBehalf.ShouldHaveSingleItem();
        item.GetAttribute("data-kind").ShouldBe(nameof(TimelineKind.Audit));
        item.QuerySelector("[data-testid=timeline-on-behalf]")!.TextContent.Trim().ShouldBe(caption);
    }
}
