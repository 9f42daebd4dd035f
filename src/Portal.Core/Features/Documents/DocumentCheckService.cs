using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Notifications;
using Portal.Core.Work;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Runs the automatic checks of one uploaded document. Idempotent: only a document still
/// <see cref="DocumentStatus.Checking"/> is checked, so a second run changes nothing and tells no one again.
/// </summary>
public sealed class DocumentCheckService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptionsMonitor<DocumentOptions> options,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<DocumentCheckService> logger)
{
    public async Task CheckAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || document.Status != DocumentStatus.Checking)
        {
            return;
        }

        var rule = await db.RequirementRules.AsNoTracking().SingleAsync(r => r.Id == document.RuleId, cancellationToken);
        var agencies = await db.RecognisedAgencies.AsNoTracking().Where(a => a.IsActive).Select(a => a.Name).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var findings = DocumentChecks.Run(document, rule, options.CurrentValue, today, agencies);

        document.FraudFindings = await FraudFindingsAsync(db, document, cancellationToken);
        document.FraudFlag = document.FraudFindings.Count > 0;
        var action = findings.Count == 0 ? DocumentAction.ChecksPassed : DocumentAction.ChecksFailed;
        Record(db, document, action, findings, now);
        var batch = await NotifyStaffAsync(db, document, action, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            notifications.Publish(batch);
            logger.LogInformation("Checked document {DocumentId}: {Outcome} ({Failures} failed, fraud flag {Fraud})", document.Id, action, findings.Count, document.FraudFlag);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run of the same check finished first; its result stands.
        }
    }

    /// <summary>Moves the document out of Checking and keeps the decision, the brand's notice and the findings.</summary>
    private void Record(PortalDbContext db, Document document, DocumentAction action, List<CheckFinding> findings, DateTimeOffset now)
    {
        var transition = DocumentWorkflow.Of(action);
        db.DocumentDecisions.Add(new DocumentDecision
        {
            DocumentId = document.Id,
            Action = action,
            From = document.Status,
            To = transition.To,
            Reasons = findings.Select(f => f.Code).ToList(),
        });
        db.DocumentNotices.Add(new DocumentNotice
        {
            BrandId = document.BrandId,
            DocumentId = document.Id,
            Kind = action == DocumentAction.ChecksPassed ? NoticeKind.ChecksPassed : NoticeKind.ChecksFailed,
        });
        document.Status = transition.To;
        document.CheckFailures = findings;
        document.CheckedAt = now;
        if (action == DocumentAction.ChecksPassed)
        {
            document.AwaitingSince = now;
            document.ReviewDueOn = PlatformTime.AddWorkingDays(PlatformTime.DayOf(now), options.CurrentValue.ReviewWorkingDays);
        }

        document.Revision++;
    }

    /// <summary>Queues staff notifications in the same save: a fraud flag, or else a document newly waiting for review.</summary>
    private async Task<NotificationBatch> NotifyStaffAsync(PortalDbContext db, Document document, DocumentAction action, CancellationToken cancellationToken)
    {
        // A fraud flag goes to staff: the brand's account manager, or everyone on staff while it has none.
        var batch = new NotificationBatch();
        if (document.FraudFlag)
        {
            var code = await db.Brands.Where(b => b.Id == document.BrandId).Select(b => b.Code).SingleAsync(cancellationToken);
            var others = string.Join(", ", document.FraudFindings.Select(f => f.Argument).OfType<string>().Distinct());
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.FraudFlag, "FraudFlag", document.BrandId, $"/ops/documents",
                    [NotificationArg.Localized($"DocType_{document.Type}"), NotificationArg.Plain(document.CertificateNumber ?? ""), NotificationArg.Plain(others), NotificationArg.Plain(code)]),
                await NotificationService.AccountManagerOrStaffAsync(db, document.BrandId, cancellationToken), cancellationToken: cancellationToken);
        }
        else if (action == DocumentAction.ChecksPassed)
        {
            // New work in the review queue; a flagged document is announced by its fraud flag alone.
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.DocumentToReview, "DocumentToReview", document.BrandId, "/ops/documents",
                [
                    NotificationArg.Localized($"DocType_{document.Type}"),
                    NotificationArg.Plain(document.CertificateNumber ?? ""),
                    NotificationArg.Plain(Portal.Core.Localization.PortalDates.Day(document.ReviewDueOn!.Value)),
                ]),
                await NotificationService.AccountManagerOrStaffAsync(db, document.BrandId, cancellationToken), cancellationToken: cancellationToken);
        }

        return batch;
    }

    /// <summary>The same certificate number or the same file on a brand that is not related (no shared member, another company).</summary>
    private static async Task<List<CheckFinding>> FraudFindingsAsync(PortalDbContext db, Document document, CancellationToken cancellationToken)
    {
        var others = await db.Documents.AsNoTracking()
            .Where(d => d.BrandId != document.BrandId && (d.FileHash == document.FileHash || (document.CertificateKey != null && d.CertificateKey == document.CertificateKey)))
            .Select(d => new { d.BrandId, SameFile = d.FileHash == document.FileHash, SameNumber = document.CertificateKey != null && d.CertificateKey == document.CertificateKey })
            .ToListAsync(cancellationToken);
        if (others.Count == 0)
        {
            return [];
        }

        var members = await db.BrandMembers.Where(m => m.BrandId == document.BrandId).Select(m => m.UserId).ToListAsync(cancellationToken);
        var company = await db.Brands.Where(b => b.Id == document.BrandId).Select(b => b.CompanyName).SingleAsync(cancellationToken);
        var otherIds = others.Select(o => o.BrandId).Distinct().ToList();
        var brands = await db.Brands.AsNoTracking().Where(b => otherIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Code, b.CompanyName, Shared = db.BrandMembers.Any(m => m.BrandId == b.Id && members.Contains(m.UserId)) })
            .ToListAsync(cancellationToken);
        var unrelated = brands
            .Where(b => !b.Shared && !(company is not null && string.Equals(b.CompanyName?.Trim(), company.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(b => b.Id, b => b.Code);

        var findings = new List<CheckFinding>();
        var sameNumber = others.Where(o => o.SameNumber && unrelated.ContainsKey(o.BrandId)).Select(o => unrelated[o.BrandId]).Distinct().Order().ToList();
        var sameFile = others.Where(o => o.SameFile && unrelated.ContainsKey(o.BrandId)).Select(o => unrelated[o.BrandId]).Distinct().Order().ToList();
        if (sameNumber.Count > 0)
        {
            findings.Add(new CheckFinding { Code = "Fraud_SameNumber", Argument = string.Join(", ", sameNumber) });
        }

        if (sameFile.Count > 0)
        {
            findings.Add(new CheckFinding { Code = "Fraud_SameFile", Argument = string.Join(", ", sameFile) });
        }

        return findings;
    }
}

/// <summary>Finds documents left <see cref="DocumentStatus.Checking"/> (a stopped process, a lost job) and queues their checks again.</summary>
internal sealed class PendingDocumentCheckSource(IDbContextFactory<PortalDbContext> dbFactory) : IPendingWorkSource
{
    public string Name => "document check";

    public async Task<int> RedispatchAsync(IWorkDispatcher dispatcher, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Documents
            .Where(d => d.Status == DocumentStatus.Checking && d.CreatedAt < createdBefore)
            .OrderBy(d => d.CreatedAt)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            dispatcher.CheckDocument(id);
        }

        return ids.Count;
    }
}
