using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Staff review of documents: decisions (approve, request changes, reject), clearing a fraud flag and
/// assigning a reviewer. Staff only, checked on every call; every step is kept as a <see cref="DocumentDecision"/>.
/// </summary>
public sealed class DocumentReviewService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<DocumentStrings> strings,
    IOptionsMonitor<DocumentOptions> options,
    NotificationService notifications,
    TimeProvider clock)
{
    /// <summary>
    /// Approves, requests changes or rejects (staff only). Changes and rejections need a reason from the
    /// list or a note. Approval is refused while a fraud flag stands, or when the document is no longer
    /// current (expired, or a phone report grown too old since the checks).
    /// </summary>
    public async Task<Outcome> DecideAsync(ClaimsPrincipal user, Guid documentId, DocumentAction action, IReadOnlyList<string>? reasonCodes = null, string? note = null, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user) || BrandDirectory.UserId(user) is not { } userId)
        {
            return Outcome.Fail(strings["Refused_StaffOnly"]);
        }

        if (action is not (DocumentAction.Approve or DocumentAction.RequestChanges or DocumentAction.Reject))
        {
            return Outcome.Fail(strings["Refused_NotADecision"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.Fail(strings["Refused_NotFound"]);
        }

        var decision = new Decision(action, DocumentWorkflow.Of(action), (reasonCodes ?? []).Distinct().ToList(), TextInput.Clean(note));
        if (await RefusalAsync(db, document, decision, cancellationToken) is { } refusal)
        {
            return Outcome.Fail(refusal);
        }

        Record(db, document, decision, userId);
        if (StoredText.Refusals(db, strings, "Validation_TooLong", "Field_Text") is { Count: > 0 } tooLong)
        {
            return Outcome.Fail(tooLong);
        }

        var batch = await NotifyAsync(db, document, decision, cancellationToken);
        var outcome = await db.SaveOrRefuseAsync(strings["Refused_Concurrent"], cancellationToken);
        if (outcome.Succeeded)
        {
            notifications.Publish(batch);
        }

        return outcome;
    }

    /// <summary>
    /// The same decision for several documents; each is decided (or refused) on its own, and <paramref name="decided"/>
    /// hears how many are done after each, for a progress bar.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Outcome>> DecideManyAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> documentIds, DocumentAction action, IReadOnlyList<string>? reasonCodes = null, string? note = null, Action<int>? decided = null, CancellationToken cancellationToken = default)
    {
        var results = new Dictionary<Guid, Outcome>();
        foreach (var id in documentIds.Distinct())
        {
            results[id] = await DecideAsync(user, id, action, reasonCodes, note, cancellationToken);
            decided?.Invoke(results.Count);
        }

        return results;
    }

    /// <summary>Clears a fraud flag after a staff member looked into it; the note is required and kept.</summary>
    public async Task<Outcome> ClearFraudFlagAsync(ClaimsPrincipal user, Guid documentId, string? note, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user) || BrandDirectory.UserId(user) is not { } userId)
        {
            return Outcome.Fail(strings["Refused_StaffOnly"]);
        }

        if (TextInput.Clean(note) is not { } text)
        {
            return Outcome.Fail(strings["Refused_FraudNoteRequired"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || !document.FraudUnresolved)
        {
            return Outcome.Fail(strings["Refused_NoFraudFlag"]);
        }

        document.FraudClearedAt = clock.GetUtcNow();
        document.FraudClearedBy = userId;
        document.FraudClearNote = text;
        document.Revision++;
        db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.ClearFraudFlag, From = document.Status, To = document.Status, ActorUserId = userId, Note = text });
        if (StoredText.Refusals(db, strings, "Validation_TooLong", "Field_Text") is { Count: > 0 } tooLong)
        {
            return Outcome.Fail(tooLong);
        }

        return await db.SaveOrRefuseAsync(strings["Refused_Concurrent"], cancellationToken);
    }

    /// <summary>Assigns a document to a staff reviewer (or nobody).</summary>
    public async Task<Outcome> AssignAsync(ClaimsPrincipal user, Guid documentId, Guid? reviewerId, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user) || BrandDirectory.UserId(user) is not { } userId)
        {
            return Outcome.Fail(strings["Refused_StaffOnly"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.Fail(strings["Refused_NotFound"]);
        }

        if (reviewerId is { } id && !await NotificationService.StaffQuery(db).AnyAsync(u => u.Id == id, cancellationToken))
        {
            return Outcome.Fail(strings["Refused_NotReviewer"]);
        }

        document.AssignedTo = reviewerId;
        document.Revision++;
        db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.Assign, From = document.Status, To = document.Status, ActorUserId = userId, Note = reviewerId?.ToString() });
        return await db.SaveOrRefuseAsync(strings["Refused_Concurrent"], cancellationToken);
    }

    /// <summary>Why the decision may not be taken now, or null when it may.</summary>
    private async Task<string?> RefusalAsync(PortalDbContext db, Document document, Decision decision, CancellationToken cancellationToken)
    {
        if (!decision.Transition.From.Contains(document.Status))
        {
            return strings["Refused_Transition", strings[$"Action_{decision.Action}"], strings[$"Status_{document.Status}"]];
        }

        var known = await db.ReviewReasons.Where(r => r.IsActive).Select(r => r.Code).ToListAsync(cancellationToken);
        if (decision.ReasonCodes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
        {
            return strings["Refused_UnknownReason", unknown];
        }

        if (decision.Transition.ReasonRequired && decision.ReasonCodes.Count == 0 && decision.Note is null)
        {
            return strings["Refused_ReasonRequired", strings[$"Action_{decision.Action}"]];
        }

        return decision.Action == DocumentAction.Approve ? await ApprovalRefusalAsync(db, document, cancellationToken) : null;
    }

    /// <summary>Approval needs no standing fraud flag and a document that is still current.</summary>
    private async Task<string?> ApprovalRefusalAsync(PortalDbContext db, Document document, CancellationToken cancellationToken)
    {
        var rule = await db.RequirementRules.AsNoTracking().SingleAsync(r => r.Id == document.RuleId, cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        if (document.FraudUnresolved)
        {
            return strings["Refused_FraudFlag"];
        }

        if (RequirementEvaluator.HasLapsed(document, today))
        {
            return strings["Check_Expired"];
        }

        if (rule.ChecksReportAge && DocumentChecks.IsReportTooOld(document, options.CurrentValue, today))
        {
            return strings["Check_ReportTooOld", options.CurrentValue.PhoneReportMaxAgeDays];
        }

        return null;
    }

    /// <summary>Moves the document and keeps the decision and the brand's notice.</summary>
    private static void Record(PortalDbContext db, Document document, Decision decision, Guid userId)
    {
        db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = decision.Action, From = document.Status, To = decision.Transition.To, ActorUserId = userId, Reasons = decision.ReasonCodes, Note = decision.Note });
        db.DocumentNotices.Add(new DocumentNotice
        {
            BrandId = document.BrandId,
            DocumentId = document.Id,
            Kind = decision.Action switch { DocumentAction.Approve => NoticeKind.Approved, DocumentAction.Reject => NoticeKind.Rejected, _ => NoticeKind.ChangesRequested },
        });
        document.Status = decision.Transition.To;
        document.DecisionReasons = decision.ReasonCodes;
        document.DecisionNote = decision.Note;
        document.Revision++;
    }

    /// <summary>Queues the brand members' notifications in the same save; published once it succeeded.</summary>
    private async Task<NotificationBatch> NotifyAsync(PortalDbContext db, Document document, Decision decision, CancellationToken cancellationToken)
    {
        var batch = new NotificationBatch();
        var codes = decision.ReasonCodes;
        var brandCode = await db.Brands.Where(b => b.Id == document.BrandId).Select(b => b.Code).SingleAsync(cancellationToken);
        var reasonTexts = await db.ReviewReasons.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => new { r.TextZh, r.TextEn }).ToListAsync(cancellationToken);
        var detailEn = string.Join("; ", reasonTexts.Select(r => r.TextEn).Append(decision.Note).OfType<string>());
        var detailZh = string.Join("；", reasonTexts.Select(r => r.TextZh).Append(decision.Note).OfType<string>());
        await notifications.AddAsync(db, batch,
            new NotificationMessage(NotificationKind.DocumentDecision, $"Document_{decision.Action}", document.BrandId, $"/brands/{brandCode}/documents",
                [NotificationArg.Localized($"DocType_{document.Type}"), NotificationArg.Names(detailZh, detailEn)]),
            await NotificationService.BrandMembersAsync(db, document.BrandId, cancellationToken), cancellationToken: cancellationToken);
        return batch;
    }

    private sealed record Decision(DocumentAction Action, DocumentWorkflow.Transition Transition, List<string> ReasonCodes, string? Note);
}
