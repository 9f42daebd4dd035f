using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Documents;
using Portal.Web.Components.Pages.Documents;

namespace Portal.IntegrationTests.Web.Components.Documents;

/// <summary>The brand's checklist and the staff queue's filters, against the real services and SQLite.</summary>
public sealed class DocumentComponentTests : PortalTestContext, IClassFixture<DocumentsAppFixture>
{
    private readonly DocumentsAppFixture _fixture;

    public DocumentComponentTests(DocumentsAppFixture fixture)
    {
        _fixture = fixture;
        fixture.App.Clock.Reset();
        fixture.AddDocumentServices(Services);
        Services.AddSingleton(fixture.App.Services.GetRequiredService<IOptions<DocumentOptions>>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<IOptionsMonitor<DocumentOptions>>());
        Services.AddSingleton<TimeProvider>(fixture.App.Clock);
    }

    private async Task<(BrandSummary Brand, ClaimsPrincipal Owner)> SignedInOwnerAsync(params string[] categories)
    {
        var (code, owner, brandId) = await _fixture.NewBrandAsync("Acme Ltd", null, categories);
        var auth = AddAuthorization();
        auth.SetAuthorized(code);
        auth.SetRoles(PortalRoles.BrandManager);
        auth.SetClaims(owner.FindFirst(ClaimTypes.NameIdentifier)!);
        return (new BrandSummary(brandId, code, "测试茶", "Test Tea", BrandMemberRole.Owner), owner);
    }

    private async Task SignInStaffAsync()
    {
        var staffId = await _fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.OperatorEmail).Select(u => u.Id).SingleAsync());
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoData.OperatorEmail);
        auth.SetRoles(PortalRoles.SkaOperator);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, staffId.ToString()));
    }

    private static string Text(IRenderedComponent<DocumentChecklist> checklist, string testId) =>
        checklist.Find($"[data-testid='{testId}']").TextContent.Trim();

    private static List<string> Brands(IRenderedComponent<DocumentQueue> queue) =>
        queue.FindAll("[data-testid='queue-brand']").Select(c => c.TextContent.Trim()).ToList();

    // MudBlazor puts the test id on the input itself, or on its wrapper: either way, the input.
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<DocumentQueue> queue, string testId) =>
        queue.Find($"input[data-testid='{testId}'], [data-testid='{testId}'] input");

    [Fact]
    public async Task Checklist_ForANewFoodBrand_ListsEachRequirementNotProvided_AndOffersUpload()
    {
        var (brand, _) = await SignedInOwnerAsync("food");

        var checklist = Render<DocumentChecklist>(p => p.Add(x => x.Brand, brand));

        checklist.WaitForAssertion(() => Text(checklist, "compliance-status").ShouldBe("Incomplete"));
        Text(checklist, "state-brand-trademark").ShouldBe("Not provided");
        Text(checklist, "state-food-licence").ShouldBe("Not provided");
        checklist.FindAll("button[aria-label^='Upload: ']").Select(b => b.GetAttribute("aria-label")).ShouldBe(
            ["Upload: Trademark registration certificate", "Upload: Food business licence (Food)"]);
        checklist.FindAll("[data-testid='document-upload']").Count.ShouldBe(1);
        checklist.FindAll("[data-testid='blocked-category']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Checklist_WithAnApprovedTrademarkPastItsExpiry_ShowsTheFoodCategoryBlocked()
    {
        var (brand, owner) = await SignedInOwnerAsync("food");
        var request = DocumentsAppFixture.Trademark("TM-30-2020-BUNIT1");
        var id = await _fixture.UploadCheckedAsync(brand.Code, owner, request);
        (await _fixture.Review.DecideAsync(await _fixture.StaffAsync(), id, DocumentAction.Approve)).Succeeded.ShouldBeTrue();
        _fixture.App.Clock.MoveTo(Days.NoonOf(request.ExpiresOn!.Value.AddDays(1)));

        var checklist = Render<DocumentChecklist>(p => p.Add(x => x.Brand, brand));

        checklist.WaitForAssertion(() => Text(checklist, "compliance-status").ShouldBe("Blocked from selling"));
        Text(checklist, "state-brand-trademark").ShouldBe("Expired");
        Text(checklist, "blocked-category").ShouldStartWith("Food is blocked from selling: Trademark registration certificate TM-30-2020-BUNIT1 expired on");
    }

    [Fact]
    public async Task Checklist_ForStaff_ShowsTheStatesButOffersNoUpload()
    {
        var (code, owner, brandId) = await _fixture.NewBrandAsync("Acme Ltd", null, "food");
        await _fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2020-BUNIT2"));
        await SignInStaffAsync();

        var checklist = Render<DocumentChecklist>(p => p.Add(x => x.Brand, new BrandSummary(brandId, code, "测试茶", "Test Tea", null)));

        checklist.WaitForAssertion(() => Text(checklist, "state-brand-trademark").ShouldBe("Awaiting review"));
        checklist.FindAll("button[aria-label^='Upload: ']").ShouldBeEmpty();
        checklist.FindAll("[data-testid='document-upload']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Queue_FilteredByBrandCategoryAndAge_ShowsOnlyTheMatchingDocuments()
    {
        var (food, foodOwner, _) = await _fixture.NewBrandAsync("Food Ltd", null, "food");
        var (other, otherOwner, _) = await _fixture.NewBrandAsync("Other Ltd");
        await _fixture.UploadCheckedAsync(food, foodOwner, DocumentsAppFixture.Trademark("TM-30-2020-QUEUE1"));
        await _fixture.UploadCheckedAsync(food, foodOwner, new UploadRequest
        {
            RuleCode = "food-licence",
            FileName = "licence.png",
            CertificateNumber = "JY11111111111111",
            Issuer = "Market Supervision Bureau",
            IssuedOn = PlatformTime.DayOf(_fixture.App.Clock.GetUtcNow()).AddYears(-1),
            ExpiresOn = PlatformTime.DayOf(_fixture.App.Clock.GetUtcNow()).AddYears(3),
        });
        await _fixture.UploadCheckedAsync(other, otherOwner, DocumentsAppFixture.Trademark("TM-30-2020-QUEUE2"));
        await SignInStaffAsync();

        var queue = Render<DocumentQueue>();
        queue.WaitForAssertion(() => Brands(queue).Count(b => b.EndsWith($"({food})") || b.EndsWith($"({other})")).ShouldBe(3));

        Field(queue, "filter-brand").Change(food);
        queue.WaitForAssertion(() => Brands(queue).ShouldBe([$"Other brand ({food})", $"Other brand ({food})"]));

        Field(queue, "filter-category").Change("food");
        queue.WaitForAssertion(() => queue.FindAll("[data-testid='queue'] tbody tr").Single().TextContent.ShouldContain("Food business licence"));

        Field(queue, "filter-age").Change("1");
        queue.WaitForAssertion(() => queue.Find("[data-testid='queue-empty']").TextContent.ShouldBe("No documents match."));
        Brands(queue).ShouldBeEmpty();
    }

    [Fact]
    public async Task Queue_BulkDecision_CountsItsProgress_AndDisablesTheDecisionsUntilDone()
    {
        var (code, owner, _) = await _fixture.NewBrandAsync("Bulk Ltd");
        var first = await _fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2020-BULK01"));
        var second = await _fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2020-BULK02"));
        await SignInStaffAsync();
        var queue = Render<DocumentQueue>();
        Field(queue, "filter-brand").Change(code);
        queue.WaitForAssertion(() => Brands(queue).Count.ShouldBe(2));
        for (var row = 0; row < 2; row++)
        {
            await queue.InvokeAsync(() => queue.FindAll("[data-testid='queue'] tbody input[type='checkbox']")[row].Change(true));
        }

        queue.WaitForAssertion(() => queue.Find("[data-testid='bulk-approve']").TextContent.ShouldBe("Approve selected (2)"));

        // Each decision first reads its document: both wait until the test lets them go.
        using (var heldFirst = _fixture.Reads.Hold(first))
        using (var heldSecond = _fixture.Reads.Hold(second))
        {
            var deciding = queue.InvokeAsync(() => queue.Find("[data-testid='bulk-approve']").Click());
            await Task.WhenAny(heldFirst.Reached, heldSecond.Reached).WaitAsync(TimeSpan.FromSeconds(10));

            queue.WaitForAssertion(() => queue.Find("[data-testid='bulk-progress'] [role='status']").TextContent.ShouldBe("Deciding: 0 of 2 done"));
            queue.Find("[data-testid='bulk-approve']").HasAttribute("disabled").ShouldBeTrue();
            queue.Find("[data-testid='bulk-reject']").HasAttribute("disabled").ShouldBeTrue();
            heldFirst.Release();
            heldSecond.Release();
            await deciding;
        }

        queue.WaitForAssertion(() => queue.FindAll("[data-testid='bulk-progress']").ShouldBeEmpty());
        (await _fixture.DocumentAsync(first)).Status.ShouldBe(DocumentStatus.Approved);
        (await _fixture.DocumentAsync(second)).Status.ShouldBe(DocumentStatus.Approved);
    }

    [Fact]
    public async Task Queue_MoreThanAPage_PagesOnTheServerWithTotalAndPageSelection()
    {
        var (code, _, brandId) = await _fixture.NewBrandAsync("Paged Ltd");
        var now = _fixture.App.Clock.GetUtcNow();
        await _fixture.App.WithDbAsync(async db =>
        {
            var rule = await db.RequirementRules.SingleAsync(r => r.Code == "brand-trademark");
            // Waiting from just after now, so they sort after every other test's documents (oldest first).
            db.Documents.AddRange(Enumerable.Range(1, DocumentQueue.PageSize + 2).Select(v => new Document
            {
                BrandId = brandId, RuleId = rule.Id, Type = rule.DocumentType, Version = v, Status = DocumentStatus.AwaitingReview,
                FileHash = Guid.NewGuid().ToString("N"), ContentType = "image/png", DisplayName = $"v{v}.png",
                CreatedAt = now.AddMinutes(v), AwaitingSince = now.AddMinutes(v),
            }));
            return await db.SaveChangesAsync();
        });
        await SignInStaffAsync();

        var queue = Render<DocumentQueue>();
        await queue.InvokeAsync(() => Field(queue, "filter-brand").Change(code));
        queue.WaitForAssertion(() => queue.Find("[data-testid='queue-total']").TextContent.ShouldBe("Matching documents: 27"));
        Brands(queue).Count.ShouldBe(DocumentQueue.PageSize);
        await queue.InvokeAsync(() => queue.FindAll("[data-testid='queue'] tbody input[type='checkbox']")[0].Change(true));
        queue.WaitForAssertion(() => queue.Find("[data-testid='bulk-approve']").TextContent.ShouldBe("Approve selected (1)"));

        await queue.InvokeAsync(() => queue.FindAll("[data-testid='queue-pager'] button").Single(b => b.TextContent.Trim() == "2").Click());

        queue.WaitForAssertion(() => Brands(queue).Count.ShouldBe(2));
        queue.Find("[data-testid='queue-total']").TextContent.ShouldBe("Matching documents: 27");
        queue.Find("[data-testid='bulk-approve']").TextContent.ShouldBe("Approve selected (0)");
    }

    [Fact]
    public async Task Queue_FilterChangedWhileTheFirstPageLoads_KeepsTheFilteredRowsWhenTheSlowerLoadEnds()
    {
        var (mine, mineOwner, _) = await _fixture.NewBrandAsync("Race Ltd");
        var (other, otherOwner, _) = await _fixture.NewBrandAsync("Other Race Ltd");
        await _fixture.UploadCheckedAsync(mine, mineOwner, DocumentsAppFixture.Trademark("TM-30-2020-RACE1"));
        await _fixture.UploadCheckedAsync(other, otherOwner, DocumentsAppFixture.Trademark("TM-30-2020-RACE2"));
        await SignInStaffAsync();
        // The queue opens a context for its reasons, one for its reviewers, then one for its first (unfiltered) page:
        // that third one waits until the test lets it go, as a slow query would.
        var factory = new GatedContextFactory(_fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), gatedCall: 3);
        Services.AddSingleton(new DocumentQueueService(factory, _fixture.App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<DocumentStrings>>(), _fixture.App.Clock));

        var queue = Render<DocumentQueue>();
        await factory.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await queue.InvokeAsync(() => Field(queue, "filter-brand").Change(mine));
        queue.WaitForAssertion(() => Brands(queue).ShouldBe([$"Other brand ({mine})"]));
        var renders = queue.RenderCount;

        factory.Gate.SetResult();

        // The first load ends (its page held other brands' documents) and the page renders again: still the filter's rows.
        queue.WaitForState(() => queue.RenderCount > renders, TimeSpan.FromSeconds(30));
        Brands(queue).ShouldBe([$"Other brand ({mine})"]);
        queue.Find("[data-testid='queue-total']").TextContent.ShouldBe("Matching documents: 1");
    }

    /// <summary>The app's context factory, but its <c>gatedCall</c>-th context waits for <see cref="Gate"/>.</summary>
    private sealed class GatedContextFactory(IDbContextFactory<PortalDbContext> inner, int gatedCall) : IDbContextFactory<PortalDbContext>
    {
        private int _calls;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PortalDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) == gatedCall)
            {
                Reached.SetResult();
                await Gate.Task.WaitAsync(cancellationToken);
            }

            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
