using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Documents;

/// <summary>Upload → check job → review → expiry, on the real app and SQLite, with the clock moved.</summary>
public sealed class DocumentLifecycleTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        fixture.App.Clock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        fixture.App.Clock.Reset();
        return Task.CompletedTask;
    }

    private Task<int> NoticesAsync(Guid documentId) => fixture.App.WithDbAsync(db => db.DocumentNotices.CountAsync(n => n.DocumentId == documentId));

    [Fact]
    public async Task CheckJob_RunTwice_SameStateAndOneNotification()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark());
        var first = await fixture.DocumentAsync(id);

        await fixture.Checks.CheckAsync(id);

        var second = await fixture.DocumentAsync(id);
        first.Status.ShouldBe(DocumentStatus.AwaitingReview);
        second.Status.ShouldBe(first.Status);
        second.Revision.ShouldBe(first.Revision);
        (await NoticesAsync(id)).ShouldBe(1);
        (await fixture.App.WithDbAsync(db => db.DocumentDecisions.CountAsync(d => d.DocumentId == id && d.Action == DocumentAction.ChecksPassed))).ShouldBe(1);
    }

    [Fact]
    public async Task CheckJob_FailedChecks_RequestChangesWithReasonsShownToTheBrand()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var request = DocumentsAppFixture.Trademark("bad number!");
        request.IssuedOn = PlatformTime.DayOf(fixture.App.Clock.GetUtcNow()).AddDays(5);

        var id = await fixture.UploadCheckedAsync(code, owner, request);

        (await fixture.DocumentAsync(id)).Status.ShouldBe(DocumentStatus.ChangesRequested);
        var checklist = await fixture.Checklist.ChecklistAsync(owner, code);
        var row = checklist!.Requirements.Single(r => r.RuleCode == "brand-trademark");
        row.State.ShouldBe(RequirementState.ChangesRequested);
        row.Reasons.ShouldBe(["The issue date is in the future.", "The certificate number does not have the expected format."]);
    }

    [Fact]
    public async Task CheckJob_SameCertificateNumberOnAnUnrelatedBrand_FlagsFraudAndBlocksApprovalUntilCleared()
    {
        var number = "TM-30-2021-" + Random.Shared.Next(100000, 999999);
        var (firstCode, firstOwner, _) = await fixture.NewBrandAsync("First Co");
        await fixture.UploadCheckedAsync(firstCode, firstOwner, DocumentsAppFixture.Trademark(number));
        var (code, owner, _) = await fixture.NewBrandAsync("Second Co");
        var staff = await fixture.StaffAsync();

        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark(number));

        var document = await fixture.DocumentAsync(id);
        document.Status.ShouldBe(DocumentStatus.AwaitingReview);
        document.FraudUnresolved.ShouldBeTrue();
        document.FraudFindings.Single().Argument.ShouldBe(firstCode);
        var refused = await fixture.Review.DecideAsync(staff, id, DocumentAction.Approve);
        refused.Errors.ShouldBe(["A fraud flag stands on this document: clear it with a note before approving."]);
        (await fixture.Review.ClearFraudFlagAsync(staff, id, " ")).Succeeded.ShouldBeFalse();
        (await fixture.Review.ClearFraudFlagAsync(staff, id, "Checked with CNIPA: licensed to both.")).Succeeded.ShouldBeTrue();
        (await fixture.Review.DecideAsync(staff, id, DocumentAction.Approve)).Succeeded.ShouldBeTrue();
        (await fixture.DocumentAsync(id)).Status.ShouldBe(DocumentStatus.Approved);
    }

    [Fact]
    public async Task TwoUploadsForOneRequirementAtOnce_BothKept_AsSuccessiveVersions()
    {
        var (code, owner, brandId) = await fixture.NewBrandAsync("Busy Co");
        var ruleId = await fixture.App.WithDbAsync(db => db.RequirementRules.Where(r => r.Code == "brand-trademark").Select(r => r.Id).SingleAsync());

        // Both wait where they number their version (the first read carrying the requirement's id), then go together.
        var outcomes = await fixture.Reads.TogetherAsync(ruleId,
            () => fixture.Files.UploadAsync(owner, code, DocumentsAppFixture.Trademark("TM-30-2023-000001"), new MemoryStream(TestFiles.UniquePng("a-" + Guid.NewGuid()))),
            () => fixture.Files.UploadAsync(owner, code, DocumentsAppFixture.Trademark("TM-30-2023-000002"), new MemoryStream(TestFiles.UniquePng("b-" + Guid.NewGuid()))));

        outcomes.ShouldAllBe(o => o.Succeeded);
        var versions = await fixture.App.WithDbAsync(db => db.Documents.Where(d => d.BrandId == brandId && d.RuleId == ruleId).Select(d => d.Version).OrderBy(v => v).ToListAsync());
        versions.ShouldBe([1, 2]);
    }

    [Fact]
    public async Task CheckJob_SameFileOnAnUnrelatedBrand_FlagsFraudNamingThatBrand()
    {
        var file = TestFiles.UniquePng("copied-" + Guid.NewGuid());
        var (firstCode, firstOwner, _) = await fixture.NewBrandAsync("Original Co");
        await fixture.UploadCheckedAsync(firstCode, firstOwner, DocumentsAppFixture.Trademark("TM-30-2022-" + Random.Shared.Next(100000, 999999)), file);
        var (code, owner, _) = await fixture.NewBrandAsync("Copier Co");

        // Another certificate number, the same scan: only the file gives it away.
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2022-" + Random.Shared.Next(100000, 999999)), file);

        var document = await fixture.DocumentAsync(id);
        document.FraudUnresolved.ShouldBeTrue();
        var finding = document.FraudFindings.ShouldHaveSingleItem();
        finding.Code.ShouldBe("Fraud_SameFile");
        finding.Argument.ShouldBe(firstCode);
    }

    [Fact]
    public async Task CheckJob_SameFileOnABrandWithTheSameOwner_IsNotAFraudSignal()
    {
        var (code, owner, brandId) = await fixture.NewBrandAsync("Twin Co");
        var file = TestFiles.UniquePng("shared-" + Guid.NewGuid());
        await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2022-111111"), file);
        var sister = "sister-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.App.WithDbAsync(async db =>
        {
            var ownerId = await db.BrandMembers.Where(m => m.BrandId == brandId).Select(m => m.UserId).SingleAsync();
            var brand = new Portal.Core.Features.Brands.Brand { Code = sister, NameZh = "姐妹", NameEn = "Sister", CompanyName = "Other Co" };
            db.Brands.Add(brand);
            db.BrandMembers.Add(new Portal.Core.Features.Brands.BrandMember { BrandId = brand.Id, UserId = ownerId });
            return await db.SaveChangesAsync();
        });

        var id = await fixture.UploadCheckedAsync(sister, owner, DocumentsAppFixture.Trademark("TM-30-2022-222222"), file);

        (await fixture.DocumentAsync(id)).FraudFlag.ShouldBeFalse();
    }

    [Fact]
    public async Task Upload_WithTextLongerThanItsColumns_NamesEachAndStoresNothing()
    {
        var (code, owner, brandId) = await fixture.NewBrandAsync();
        var request = DocumentsAppFixture.Trademark(number: new string('7', 101));
        request.Issuer = new string('i', 201);
        var files = Directory.GetFiles(fixture.Storage, "*", SearchOption.AllDirectories).Length;

        var outcome = await fixture.Files.UploadAsync(owner, code, request, new MemoryStream(TestFiles.UniquePng(Guid.NewGuid().ToString("N"))));

        outcome.Errors.ShouldBe(["Certificate number can be at most 100 characters long.", "Issuer can be at most 200 characters long."]);
        (await fixture.App.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == brandId))).ShouldBe(0);
        Directory.GetFiles(fixture.Storage, "*", SearchOption.AllDirectories).Length.ShouldBe(files);
    }

    [Fact]
    public async Task Decide_WithANoteLongerThanItsColumn_IsRefusedOnceAndNothingChanges()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var staff = await fixture.StaffAsync();
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark());
        var before = await fixture.DocumentAsync(id);

        var outcome = await fixture.Review.DecideAsync(staff, id, DocumentAction.RequestChanges, ["unreadable"], new string('n', 2001));

        outcome.Errors.ShouldHaveSingleItem().ShouldBe("Note can be at most 2000 characters long.");
        (await fixture.DocumentAsync(id)).Revision.ShouldBe(before.Revision);
        (await fixture.App.WithDbAsync(db => db.DocumentDecisions.CountAsync(d => d.DocumentId == id && d.Action == DocumentAction.RequestChanges))).ShouldBe(0);
    }

    [Fact]
    public async Task Decisions_AreRecordedWithWhoWhenAndWhy()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var staff = await fixture.StaffAsync();
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark());

        (await fixture.Review.DecideAsync(staff, id, DocumentAction.Reject)).Errors.ShouldBe(["Choose a reason or write a note to Reject."]);
        (await fixture.Review.DecideAsync(owner, id, DocumentAction.Approve)).Errors.ShouldBe(["Only platform staff can do this."]);
        (await fixture.Review.DecideAsync(staff, id, DocumentAction.RequestChanges, ["unreadable"], "Scan it again, please.")).Succeeded.ShouldBeTrue();

        var decision = await fixture.App.WithDbAsync(db => db.DocumentDecisions.SingleAsync(d => d.DocumentId == id && d.Action == DocumentAction.RequestChanges));
        decision.ActorUserId.ShouldNotBeNull();
        decision.Reasons.ShouldBe(["unreadable"]);
        decision.Note.ShouldBe("Scan it again, please.");
        var row = (await fixture.Checklist.ChecklistAsync(owner, code))!.Requirements.Single();
        row.Reasons.ShouldBe(["The file is unreadable or does not open", "Scan it again, please."]);
    }

    [Fact]
    public async Task Queue_FiltersByBrandTypeAndCategory_OldestFirst()
    {
        var (code, owner, _) = await fixture.NewBrandAsync("Q Co", null, "food");
        var staff = await fixture.StaffAsync();
        var trademark = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark());
        var licence = await fixture.UploadCheckedAsync(code, owner, new UploadRequest
        {
            RuleCode = "food-licence", FileName = "licence.pdf", CertificateNumber = "JY14401010012345", Issuer = "Market regulator",
            IssuedOn = new DateOnly(2025, 1, 1), ExpiresOn = new DateOnly(2030, 1, 1),
        });

        (await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = code })).Select(i => i.Id).ShouldBe([trademark, licence]);
        (await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = code, NewestFirst = true })).Select(i => i.Id).ShouldBe([licence, trademark]);
        (await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = code, Type = DocumentType.FoodBusinessLicence })).Select(i => i.Id).ShouldBe([licence]);
        (await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = code, CategoryCode = "food" })).Select(i => i.Id).ShouldBe([licence]);
        (await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = code, MinAgeDays = 1 })).ShouldBeEmpty();
        (await fixture.QueueItemsAsync(owner, new QueueFilter { BrandCode = code })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Queue_PastTheDueDate_IsMarkedOverdue()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var staff = await fixture.StaffAsync();
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark());
        var due = (await fixture.DocumentAsync(id)).ReviewDueOn!.Value;

        fixture.App.Clock.MoveTo(Days.NoonOf(due));
        (await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = code })).Single().Overdue.ShouldBeFalse();
        fixture.App.Clock.MoveTo(Days.NoonOf(due.AddDays(1)));
        (await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = code })).Single().Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task ExpiryJob_WarnsAt30And7DaysOnceEach_ThenExpiresAndBlocks_AndAReplacementLiftsIt()
    {
        var (code, owner, brandId) = await fixture.NewBrandAsync("Exp Co", null, "home");
        var staff = await fixture.StaffAsync();
        var today = PlatformTime.DayOf(fixture.App.Clock.GetUtcNow());
        var request = DocumentsAppFixture.Trademark("TM-30-2020-" + Random.Shared.Next(100000, 999999));
        request.ExpiresOn = today.AddMonths(6);
        var id = await fixture.UploadCheckedAsync(code, owner, request);
        (await fixture.Review.DecideAsync(staff, id, DocumentAction.Approve)).Succeeded.ShouldBeTrue();
        (await fixture.Checklist.ChecklistAsync(owner, code))!.Status.ShouldBe(ComplianceStatus.Compliant);
        var expires = request.ExpiresOn.Value;
        Task<List<int?>> Warnings() => fixture.App.WithDbAsync(db => db.DocumentNotices.Where(n => n.DocumentId == id && n.Kind == NoticeKind.ExpiryWarning).Select(n => n.DaysBefore).ToListAsync());
        // Expiry e-mails only: the approval above also told the owner (a notification e-mail).
        Task<int> Emails() => fixture.App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == $"{code}@example.com"
            && (e.Kind == Portal.Core.Features.Email.EmailKind.DocumentExpiring || e.Kind == Portal.Core.Features.Email.EmailKind.DocumentExpired)));

        fixture.App.Clock.MoveTo(Days.NoonOf(expires.AddDays(-31)));
        await fixture.Expiry.RunAsync();
        (await Warnings()).ShouldBeEmpty();

        fixture.App.Clock.MoveTo(Days.NoonOf(expires.AddDays(-30)));
        await fixture.Expiry.RunAsync();
        await fixture.Expiry.RunAsync();
        (await Warnings()).ShouldBe([30]);
        (await Emails()).ShouldBe(1);

        fixture.App.Clock.MoveTo(Days.NoonOf(expires.AddDays(-7)));
        await fixture.Expiry.RunAsync();
        await fixture.Expiry.RunAsync();
        (await Warnings()).Order().ShouldBe([7, 30]);
        (await Emails()).ShouldBe(2);

        fixture.App.Clock.MoveTo(Days.NoonOf(expires));
        await fixture.Expiry.RunAsync();
        await fixture.Expiry.RunAsync();
        (await fixture.DocumentAsync(id)).Status.ShouldBe(DocumentStatus.Expired);
        (await Emails()).ShouldBe(3);
        var blocked = (await fixture.Checklist.ChecklistAsync(owner, code))!;
        blocked.Status.ShouldBe(ComplianceStatus.Blocked);
        blocked.Blocked.Single().CategoryCode.ShouldBe("home");
        blocked.Blocked.Single().Reason.ShouldContain("expired on");
        (await fixture.Checklist.ComplianceAsync(brandId)).Status.ShouldBe(ComplianceStatus.Blocked);

        var renewal = DocumentsAppFixture.Trademark(request.CertificateNumber!);
        renewal.IssuedOn = expires.AddDays(-10);
        renewal.ExpiresOn = expires.AddYears(10);
        var replacement = await fixture.UploadCheckedAsync(code, owner, renewal);
        (await fixture.DocumentAsync(replacement)).Version.ShouldBe(2);
        (await fixture.Checklist.ChecklistAsync(owner, code))!.Status.ShouldBe(ComplianceStatus.Blocked);
        (await fixture.Review.DecideAsync(staff, replacement, DocumentAction.Approve)).Succeeded.ShouldBeTrue();

        var lifted = (await fixture.Checklist.ChecklistAsync(owner, code))!;
        lifted.Status.ShouldBe(ComplianceStatus.Compliant);
        lifted.Blocked.ShouldBeEmpty();
        lifted.Requirements.Single().Versions.Select(v => v.Version).ShouldBe([2, 1]);
        (await fixture.App.WithDbAsync(db => db.OutgoingEmails.Where(e => e.To == $"{code}@example.com").Select(e => e.Kind).ToListAsync()))
            // The two approvals also told the owner, as notification e-mails.
            .ShouldBe([EmailKind.Notification, EmailKind.DocumentExpiring, EmailKind.DocumentExpiring, EmailKind.DocumentExpired, EmailKind.Notification], ignoreOrder: true);
    }

    [Fact]
    public async Task Download_ByAnotherBrandsMember_IsNotFound_ByTheOwner_IsAnAttachmentWithNosniff()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var (otherCode, _, _) = await fixture.NewBrandAsync();
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark());

        using var stranger = new BrowserClient(fixture.App);
        await stranger.SignInAsync($"{otherCode}@example.com");
        (await stranger.Http.GetAsync($"/documents/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var member = new BrowserClient(fixture.App);
        await member.SignInAsync($"{code}@example.com");
        var response = await member.Http.GetAsync($"/documents/{id}/file");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("trademark.png");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        using var anonymous = new BrowserClient(fixture.App);
        (await anonymous.Http.GetAsync($"/documents/{id}/file")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}

/// <summary>A document left Checking by a stopped process is checked after restart.</summary>
public sealed class DocumentRestartTests
{
    [Fact]
    public async Task DocumentLeftChecking_ByAStoppedApp_IsCheckedAfterRestart()
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Documents:StoragePath"] = directory.File("documents") };
        Guid id;
        await using (var first = new PortalAppFactory(directory, settings: settings))
        {
            var code = "restart-" + Guid.NewGuid().ToString("N")[..6];
            await TestBrands.CreateWithOwnerAsync(first, code, $"{code}@example.com");
            var owner = await first.PrincipalAsync($"{code}@example.com");
            var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DocumentFileService>(first.Services);
            var outcome = await service.UploadAsync(owner, code, DocumentsAppFixture.Trademark(), new MemoryStream(TestFiles.Png()));
            outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
            id = outcome.Value;
            (await first.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id))).Status.ShouldBe(DocumentStatus.Checking);
        }

        await using var second = new PortalAppFactory(directory, settings: new Dictionary<string, string?> { ["Documents:StoragePath"] = directory.File("documents") });
        _ = second.Services;

        // Generous: the second host's job server starts beside a busy parallel suite (this timed out at 20 s once in CI).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        DocumentStatus status;
        do
        {
            await Task.Delay(100);
            status = await second.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
        }
        while (status == DocumentStatus.Checking && DateTime.UtcNow < deadline);

        status.ShouldBe(DocumentStatus.AwaitingReview);
    }
}
