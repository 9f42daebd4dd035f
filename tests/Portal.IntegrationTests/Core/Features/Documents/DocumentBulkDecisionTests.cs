using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Documents;

/// <summary>Staff's bulk decisions and assignment from the review queue.</summary>
public sealed class DocumentBulkDecisionTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>
{
    [Fact]
    public async Task DecideMany_Approve_DecidesEachSelectedDocument_AndRefusesOnlyTheFlaggedOne()
    {
        var staff = await fixture.StaffAsync();
        var (firstCode, firstOwner, _) = await fixture.NewBrandAsync("First Co");
        var (secondCode, secondOwner, _) = await fixture.NewBrandAsync("Second Co");
        var (thirdCode, thirdOwner, _) = await fixture.NewBrandAsync("Third Co");
        var clean = await fixture.UploadCheckedAsync(firstCode, firstOwner, DocumentsAppFixture.Trademark("TM-30-2021-100001"), TestFiles.UniquePng("bulk-1"));
        var alsoClean = await fixture.UploadCheckedAsync(secondCode, secondOwner, DocumentsAppFixture.Trademark("TM-30-2021-100002"), TestFiles.UniquePng("bulk-2"));
        // The same certificate number on an unrelated brand: flagged, so it cannot be approved in bulk either.
        var flagged = await fixture.UploadCheckedAsync(thirdCode, thirdOwner, DocumentsAppFixture.Trademark("TM-30-2021-100002"), TestFiles.UniquePng("bulk-3"));
        (await fixture.DocumentAsync(flagged)).FraudUnresolved.ShouldBeTrue();

        var results = await fixture.Review.DecideManyAsync(staff, [clean, alsoClean, flagged], DocumentAction.Approve);

        results[clean].Succeeded.ShouldBeTrue();
        results[alsoClean].Succeeded.ShouldBeTrue();
        results[flagged].Errors.ShouldBe(["A fraud flag stands on this document: clear it with a note before approving."]);
        (await fixture.DocumentAsync(clean)).Status.ShouldBe(DocumentStatus.Approved);
        (await fixture.DocumentAsync(alsoClean)).Status.ShouldBe(DocumentStatus.Approved);
        (await fixture.DocumentAsync(flagged)).Status.ShouldBe(DocumentStatus.AwaitingReview);
        var decisions = await fixture.App.WithDbAsync(db => db.DocumentDecisions.CountAsync(d => (d.DocumentId == clean || d.DocumentId == alsoClean) && d.Action == DocumentAction.Approve));
        decisions.ShouldBe(2);
    }

    [Fact]
    public async Task DecideMany_ByABrandManager_ChangesNothing()
    {
        var (code, owner, _) = await fixture.NewBrandAsync("Own Co");
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2021-100010"), TestFiles.UniquePng("bulk-own"));

        var results = await fixture.Review.DecideManyAsync(owner, [id], DocumentAction.Approve);

        results[id].Succeeded.ShouldBeFalse();
        (await fixture.DocumentAsync(id)).Status.ShouldBe(DocumentStatus.AwaitingReview);
    }

    [Fact]
    public async Task Assign_ToAStaffReviewer_IsRecorded_ButNotToABrandManager()
    {
        var staff = await fixture.StaffAsync();
        var (code, owner, _) = await fixture.NewBrandAsync("Assign Co");
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2021-100020"), TestFiles.UniquePng("assign"));
        var reviewer = await fixture.App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.AdminEmail));
        var manager = await fixture.App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoData.BrandManagerEmail));

        var assigned = await fixture.Review.AssignAsync(staff, id, reviewer.Id);
        var toManager = await fixture.Review.AssignAsync(staff, id, manager.Id);
        var byManager = await fixture.Review.AssignAsync(owner, id, null);

        assigned.Succeeded.ShouldBeTrue();
        toManager.Errors.ShouldBe(["Documents can only be assigned to staff."]);
        byManager.Errors.ShouldBe(["Only platform staff can do this."]);
        (await fixture.DocumentAsync(id)).AssignedTo.ShouldBe(reviewer.Id);
    }
}
