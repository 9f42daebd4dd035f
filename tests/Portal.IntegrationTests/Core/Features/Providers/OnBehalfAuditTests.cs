using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Operations;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>What a provider's person changes for a brand is audited as theirs, of their provider, on the brand's behalf.</summary>
public sealed class OnBehalfAuditTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public Task InitializeAsync()
    {
        _ = _app.Services;
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task ChangeByAProvidersPerson_ForABrand_IsAuditedWithTheirProvider_InTheLogAndOnTheBrandTimeline()
    {
        var body = $"by the operator {Guid.NewGuid():N}";
        var commentId = await CommentAsync(DemoData.ProviderOperatorEmail, body);

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(BrandComment) && e.EntityKey == commentId.ToString()));
        var farsail = await _app.WithDbAsync(db => db.Providers.SingleAsync(p => p.Code == DemoData.ProviderCode));
        entry.ActorProviderId.ShouldBe(farsail.Id);
        entry.ActorName.ShouldBe("远帆 主播运营 He Jia");

        var admin = await _app.PrincipalAsync(DemoData.AdminEmail);
        var row = (await _app.Services.GetRequiredService<AuditLog>().QueryAsync(admin, new AuditFilter(BrandCode: DemoData.BrandCode, EntityType: nameof(BrandComment)), 0, 50))
            .Value!.Items.Single(r => r.EntityKey == commentId.ToString());
        row.ByProvider.ShouldBeTrue();
        (row.ProviderCode, row.ProviderNameZh, row.ProviderNameEn).ShouldBe((DemoData.ProviderCode, DemoData.ProviderNameZh, DemoData.ProviderNameEn));

        var timeline = await _app.Services.GetRequiredService<BrandTimelineService>().GetAsync(await _app.PrincipalAsync(DemoData.OperatorEmail), await DemoBrandIdAsync());
        var shown = timeline.ShouldNotBeNull().First(e => e.Kind == TimelineKind.Audit && e.Subject == nameof(BrandComment) && e.Actor == "远帆 主播运营 He Jia");
        shown.ActorProvider(CultureInfo.GetCultureInfo("zh-CN")).ShouldBe(DemoData.ProviderNameZh);
        shown.ActorProvider(CultureInfo.GetCultureInfo("en")).ShouldBe(DemoData.ProviderNameEn);
    }

    [Fact]
    public async Task ChangeByTheBrandsOwnMember_NamesNoProvider()
    {
        var commentId = await CommentAsync(DemoData.BrandManagerEmail, $"by the owner {Guid.NewGuid():N}");

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(BrandComment) && e.EntityKey == commentId.ToString()));
        entry.ActorProviderId.ShouldBeNull();
    }

    [Fact]
    public async Task Chain_WithEntriesOfProvidersPeopleAndOthers_VerifiesIntact_AndTheProviderIsPartOfTheHash()
    {
        var commentId = await CommentAsync(DemoData.ProviderOperatorEmail, $"hashed {Guid.NewGuid():N}");
        await CommentAsync(DemoData.BrandManagerEmail, $"hashed too {Guid.NewGuid():N}");

        var report = (await _app.Services.GetRequiredService<AuditChainVerification>().VerifyAsync(await _app.PrincipalAsync(DemoData.AdminEmail))).Value!;
        report.Broken.ShouldBeNull();

        var entry = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityKey == commentId.ToString()));
        var previous = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence == entry.Sequence - 1).Select(e => e.Hash).SingleAsync());
        var asIfNoProvider = new AuditEntry
        {
            Id = entry.Id, Sequence = entry.Sequence, At = entry.At, ActorUserId = entry.ActorUserId, ActorName = entry.ActorName, ActorEmail = entry.ActorEmail,
            BrandId = entry.BrandId, EntityType = entry.EntityType, EntityKey = entry.EntityKey, Action = entry.Action, Operation = entry.Operation, Changes = entry.Changes,
        };
        AuditChain.HashOf(asIfNoProvider, previous).ShouldNotBe(entry.Hash, "removing the provider from an entry must break the chain");
    }

    private Task<Guid> DemoBrandIdAsync() => _app.WithDbAsync(db => db.Brands.Where(b => b.Code == DemoData.BrandCode).Select(b => b.Id).SingleAsync());

    /// <summary>Saves a comment on the demo brand as <paramref name="email"/>, inside the audit scope the web host opens per request.</summary>
    private async Task<Guid> CommentAsync(string email, string body)
    {
        var user = await _app.PrincipalAsync(email);
        var brandId = await DemoBrandIdAsync();
        var userId = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        using (AuditScope.Begin(user))
        {
            return await _app.WithDbAsync(async db =>
            {
                var comment = new BrandComment { BrandId = brandId, AuthorUserId = userId, Body = body };
                db.BrandComments.Add(comment);
                await db.SaveChangesAsync();
                return comment.Id;
            });
        }
    }
}
