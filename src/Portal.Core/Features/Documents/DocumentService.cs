using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;
using Portal.Core.Work;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Certification documents: the brand's checklist, uploads, file access and staff review. Checks who
/// is asking on every call (members for the brand's uploads, staff for decisions).
/// </summary>
public sealed class DocumentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DocumentStorage storage,
    IWorkDispatcher dispatcher,
    IStringLocalizer<DocumentStrings> strings,
    IOptionsMonitor<DocumentOptions> options,
    NotificationService notifications,
    TimeProvider clock)
{
    /// <summary>The brand's checklist and compliance status; null when the user may not see the brand.</summary>
    public async Task<ChecklistView?> ChecklistAsync(ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().Include(b => b.Categories).SingleOrDefaultAsync(b => b.Code == brandCode, cancellationToken);
        if (brand is null)
        {
            return null;
        }

        var member = await IsMemberAsync(db, user, brand.Id, cancellationToken);
        if (!member && !BrandDirectory.IsStaff(user))
        {
            return null;
        }

        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var brandCategoryIds = brand.Categories.Select(c => c.CategoryId).ToHashSet();
        var facts = new BrandFacts(categories.Where(c => brandCategoryIds.Contains(c.Id)).Select(c => c.Code).ToList(), BrandFacts.OwnsTrademark(brand.TrademarkOwner, brand.CompanyName));
        var report = await EvaluateAsync(db, brand.Id, facts, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        string CategoryName(string code) => categories.FirstOrDefault(c => c.Code == code)?.Name(culture) ?? code;
        var reasons = await ReasonTextsAsync(db, cancellationToken);

        var notices = await db.DocumentNotices.AsNoTracking().Where(n => n.BrandId == brand.Id)
            .OrderByDescending(n => n.CreatedAt).Take(20)
            .Join(db.Documents, n => n.DocumentId, d => d.Id, (n, d) => new { n, d.Type, d.ExpiresOn })
            .ToListAsync(cancellationToken);

        return new ChecklistView(
            brand.Id,
            brand.Code,
            report.Status,
            strings[$"Compliance_{report.Status}"],
            report.Requirements.Select(r => new RequirementView(
                r.Rule.Code,
                Title(r.Rule, CategoryName),
                r.Rule.DocumentType,
                r.Rule.BlocksSelling,
                r.State,
                strings[$"State_{r.State}"],
                strings[$"Next_{r.State}"],
                r.Latest is { } latest && r.State is RequirementState.ChangesRequested or RequirementState.Rejected ? ReasonsOf(latest, reasons) : [],
                r.Versions.Select(v => Version(v, reasons)).ToList())).ToList(),
            report.Blocked.Select(b => new BlockedView(
                b.CategoryCode,
                CategoryName(b.CategoryCode),
                strings["Blocked_Reason", TypeName(b.Rule.DocumentType), b.Document.CertificateNumber ?? "", FormatDay(b.Document.ExpiresOn)])).ToList(),
            notices.Select(x => new NoticeView(x.n.Kind, strings[$"Notice_{x.n.Kind}", TypeName(x.Type), x.n.DaysBefore ?? 0, FormatDay(x.ExpiresOn)], x.n.CreatedAt)).ToList(),
            facts.CategoryCodes.Select(c => new CategoryChoice(c, CategoryName(c))).ToList(),
            member);
    }

    /// <summary>The compliance of a brand (for other features and jobs); no access check, callers decide who sees it.</summary>
    public async Task<ComplianceReport> ComplianceAsync(Guid brandId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await EvaluateAsync(db, brandId, await FactsAsync(db, brandId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Stores a new version of the document for a requirement and queues its automatic checks.
    /// Members only; the file's type comes from its content, its name is kept only as display text.
    /// </summary>
    public async Task<Outcome<Guid>> UploadAsync(ClaimsPrincipal user, string brandCode, UploadRequest request, Stream content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Code == brandCode, cancellationToken);
        if (brand is null || BrandDirectory.UserId(user) is not { } userId || !await IsMemberAsync(db, user, brand.Id, cancellationToken))
        {
            return Outcome<Guid>.Fail(strings["Refused_NotMember"]);
        }

        var facts = await FactsAsync(db, brand.Id, cancellationToken);
        var rules = await db.RequirementRules.AsNoTracking().ToListAsync(cancellationToken);
        var rule = RequirementEvaluator.Applicable(facts, rules).FirstOrDefault(r => r.Code == request.RuleCode);
        if (rule is null)
        {
            return Outcome<Guid>.Fail(strings["Refused_UnknownRequirement"]);
        }

        var stored = await storage.StoreAsync(content, cancellationToken);
        if (!stored.Succeeded)
        {
            return Outcome<Guid>.Fail(stored.Errors);
        }

        var version = await db.Documents.Where(d => d.BrandId == brand.Id && d.RuleId == rule.Id).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        var number = Clean(request.CertificateNumber);
        var document = new Document
        {
            BrandId = brand.Id,
            RuleId = rule.Id,
            Type = rule.DocumentType,
            Version = version + 1,
            FileHash = stored.Value!.Hash,
            ContentType = stored.Value.ContentType,
            Size = stored.Value.Size,
            DisplayName = DisplayNames.Clean(request.FileName),
            CertificateNumber = number,
            CertificateKey = number is null ? null : DocumentChecks.NormalizeNumber(number),
            Issuer = Clean(request.Issuer),
            IssuedOn = request.IssuedOn,
            ExpiresOn = request.ExpiresOn,
            CoveredCategories = request.CoveredCategories.Where(facts.CategoryCodes.Contains).Distinct().ToList(),
            UploadedBy = userId,
        };
        db.Documents.Add(document);
        db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.Uploaded, From = DocumentStatus.Checking, To = DocumentStatus.Checking, ActorUserId = userId });
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.CheckDocument(document.Id);
        return Outcome<Guid>.Success(document.Id);
    }

    /// <summary>The stored file of a document, for its brand's members and staff; null for anyone else.</summary>
    public async Task<DocumentFile?> OpenFileAsync(ClaimsPrincipal user, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || (!BrandDirectory.IsStaff(user) && !await IsMemberAsync(db, user, document.BrandId, cancellationToken)))
        {
            return null;
        }

        return storage.Open(document.FileHash) is { } stream ? new DocumentFile(stream, document.ContentType, document.DisplayName) : null;
    }

    /// <summary>The review queue (staff only): filtered, oldest first unless asked otherwise.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(ClaimsPrincipal user, QueueFilter filter, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Documents.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(d => d.Type == type);
        }

        var rows = await query
            .Join(db.Brands, d => d.BrandId, b => b.Id, (d, b) => new { d, b.Code, b.NameZh, b.NameEn })
            .Join(db.RequirementRules, x => x.d.RuleId, r => r.Id, (x, r) => new { x.d, x.Code, x.NameZh, x.NameEn, RuleCategory = r.CategoryCode })
            .Where(x => filter.BrandCode == null || x.Code == filter.BrandCode)
            .ToListAsync(cancellationToken);
        var reviewers = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var culture = CultureInfo.CurrentUICulture;

        var items = rows.Select(x =>
            {
                var categories = x.d.CoveredCategories.Concat(x.RuleCategory is null ? [] : [x.RuleCategory]).Distinct().ToList();
                var since = x.d.AwaitingSince ?? x.d.CreatedAt;
                return new QueueItem(
                    x.d.Id,
                    x.Code,
                    culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? x.NameZh : x.NameEn,
                    x.d.Type,
                    TypeName(x.d.Type),
                    x.d.Version,
                    x.d.Status,
                    strings[$"Status_{x.d.Status}"],
                    x.d.DisplayName,
                    x.d.ContentType,
                    x.d.CertificateNumber,
                    x.d.Issuer,
                    x.d.IssuedOn,
                    x.d.ExpiresOn,
                    categories,
                    since,
                    today.DayNumber - PlatformTime.DayOf(since).DayNumber,
                    x.d.ReviewDueOn,
                    x.d.Status == DocumentStatus.AwaitingReview && x.d.ReviewDueOn < today,
                    x.d.FraudUnresolved,
                    x.d.FraudFindings.Select(f => strings[f.Code, f.Argument ?? ""].Value).ToList(),
                    x.d.FraudClearNote,
                    x.d.AssignedTo,
                    x.d.AssignedTo is { } a ? reviewers.GetValueOrDefault(a) : null);
            })
            .Where(i => filter.CategoryCode is null || i.Categories.Contains(filter.CategoryCode))
            .Where(i => filter.MinAgeDays is null || i.AgeDays >= filter.MinAgeDays);
        return (filter.NewestFirst ? items.OrderByDescending(i => i.WaitingSince) : items.OrderBy(i => i.WaitingSince)).ToList();
    }

    /// <summary>Reasons staff can choose from, best first, in the reader's language.</summary>
    public async Task<IReadOnlyList<ReasonChoice>> ReasonsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reasons = await db.ReviewReasons.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Rank).ToListAsync(cancellationToken);
        return reasons.Select(r => new ReasonChoice(r.Code, r.Text(CultureInfo.CurrentUICulture))).ToList();
    }

    /// <summary>Staff people a document can be assigned to.</summary>
    public async Task<IReadOnlyList<ReviewerChoice>> ReviewersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StaffQuery(db).OrderBy(u => EF.Functions.Collate(u.DisplayName, NameOrder.Collation)).Select(u => new ReviewerChoice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

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

        var transition = DocumentWorkflow.Of(action);
        if (!transition.From.Contains(document.Status))
        {
            return Outcome.Fail(strings["Refused_Transition", strings[$"Action_{action}"], strings[$"Status_{document.Status}"]]);
        }

        var codes = (reasonCodes ?? []).Distinct().ToList();
        var known = await db.ReviewReasons.Where(r => r.IsActive).Select(r => r.Code).ToListAsync(cancellationToken);
        if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
        {
            return Outcome.Fail(strings["Refused_UnknownReason", unknown]);
        }

        var text = Clean(note);
        if (transition.ReasonRequired && codes.Count == 0 && text is null)
        {
            return Outcome.Fail(strings["Refused_ReasonRequired", strings[$"Action_{action}"]]);
        }

        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        if (action == DocumentAction.Approve)
        {
            var rule = await db.RequirementRules.AsNoTracking().SingleAsync(r => r.Id == document.RuleId, cancellationToken);
            if (document.FraudUnresolved)
            {
                return Outcome.Fail(strings["Refused_FraudFlag"]);
            }

            if (RequirementEvaluator.HasLapsed(document, today))
            {
                return Outcome.Fail(strings["Check_Expired"]);
            }

            if (rule.ChecksReportAge && DocumentChecks.IsReportTooOld(document, options.CurrentValue, today))
            {
                return Outcome.Fail(strings["Check_ReportTooOld", options.CurrentValue.PhoneReportMaxAgeDays]);
            }
        }

        db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = action, From = document.Status, To = transition.To, ActorUserId = userId, Reasons = codes, Note = text });
        db.DocumentNotices.Add(new DocumentNotice
        {
            BrandId = document.BrandId,
            DocumentId = document.Id,
            Kind = action switch { DocumentAction.Approve => NoticeKind.Approved, DocumentAction.Reject => NoticeKind.Rejected, _ => NoticeKind.ChangesRequested },
        });
        document.Status = transition.To;
        document.DecisionReasons = codes;
        document.DecisionNote = text;
        document.Revision++;

        var batch = new NotificationBatch();
        var brandCode = await db.Brands.Where(b => b.Id == document.BrandId).Select(b => b.Code).SingleAsync(cancellationToken);
        var reasonTexts = await db.ReviewReasons.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => new { r.TextZh, r.TextEn }).ToListAsync(cancellationToken);
        var detailEn = string.Join("; ", reasonTexts.Select(r => r.TextEn).Append(text).OfType<string>());
        var detailZh = string.Join("；", reasonTexts.Select(r => r.TextZh).Append(text).OfType<string>());
        await notifications.AddAsync(db, batch,
            new NotificationMessage(NotificationKind.DocumentDecision, $"Document_{action}", document.BrandId, $"/brands/{brandCode}/documents",
                [NotificationArg.Localized($"DocType_{document.Type}"), NotificationArg.Names(detailZh, detailEn)]),
            await NotificationService.BrandMembersAsync(db, document.BrandId, cancellationToken), cancellationToken: cancellationToken);
        var outcome = await SaveAsync(db, cancellationToken);
        if (outcome.Succeeded)
        {
            notifications.Publish(batch);
        }

        return outcome;
    }

    /// <summary>The same decision for several documents; each is decided (or refused) on its own.</summary>
    public async Task<IReadOnlyDictionary<Guid, Outcome>> DecideManyAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> documentIds, DocumentAction action, IReadOnlyList<string>? reasonCodes = null, string? note = null, CancellationToken cancellationToken = default)
    {
        var results = new Dictionary<Guid, Outcome>();
        foreach (var id in documentIds.Distinct())
        {
            results[id] = await DecideAsync(user, id, action, reasonCodes, note, cancellationToken);
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

        if (Clean(note) is not { } text)
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
        return await SaveAsync(db, cancellationToken);
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

        if (reviewerId is { } id && !await StaffQuery(db).AnyAsync(u => u.Id == id, cancellationToken))
        {
            return Outcome.Fail(strings["Refused_NotReviewer"]);
        }

        document.AssignedTo = reviewerId;
        document.Revision++;
        db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.Assign, From = document.Status, To = document.Status, ActorUserId = userId, Note = reviewerId?.ToString() });
        return await SaveAsync(db, cancellationToken);
    }

    private static IQueryable<PortalUser> StaffQuery(PortalDbContext db) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == PortalRoles.SkaOperator || r.Name == PortalRoles.Admin))));

    internal static async Task<BrandFacts> FactsAsync(PortalDbContext db, Guid brandId, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().Where(b => b.Id == brandId).Select(b => new { b.TrademarkOwner, b.CompanyName }).SingleAsync(cancellationToken);
        var codes = await db.BrandCategories.Where(c => c.BrandId == brandId)
            .Join(db.Categories, bc => bc.CategoryId, c => c.Id, (bc, c) => c.Code).ToListAsync(cancellationToken);
        return new BrandFacts(codes, BrandFacts.OwnsTrademark(brand.TrademarkOwner, brand.CompanyName));
    }

    private async Task<ComplianceReport> EvaluateAsync(PortalDbContext db, Guid brandId, BrandFacts facts, CancellationToken cancellationToken)
    {
        var rules = await db.RequirementRules.AsNoTracking().ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.BrandId == brandId).ToListAsync(cancellationToken);
        return RequirementEvaluator.Evaluate(facts, rules, documents, PlatformTime.DayOf(clock.GetUtcNow()));
    }

    private static async Task<bool> IsMemberAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, CancellationToken cancellationToken) =>
        await BrandDirectory.MemberRoleAsync(db, user, brandId, cancellationToken) is not null;

    private static async Task<Dictionary<string, ReviewReason>> ReasonTextsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.ReviewReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);

    private DocumentVersionView Version(Document d, Dictionary<string, ReviewReason> reasons) =>
        new(d.Id, d.Version, d.Status, strings[$"Status_{d.Status}"], d.DisplayName, d.ContentType, d.CertificateNumber, d.Issuer, d.IssuedOn, d.ExpiresOn, d.CreatedAt, ReasonsOf(d, reasons));

    /// <summary>Why a version was sent back: failed checks, or the reviewer's reasons and note.</summary>
    private List<string> ReasonsOf(Document d, Dictionary<string, ReviewReason> reasons)
    {
        var list = d.CheckFailures.Select(f => strings[f.Code, ArgumentText(f.Argument)].Value).ToList();
        list.AddRange(d.DecisionReasons.Select(c => reasons.TryGetValue(c, out var r) ? r.Text(CultureInfo.CurrentUICulture) : c));
        if (d.DecisionNote is { } note)
        {
            list.Add(note);
        }

        return list;
    }

    /// <summary>A check's argument: a field's resource key is shown as the field's name.</summary>
    private string ArgumentText(string? argument) =>
        argument is null ? "" : argument.StartsWith("Field_", StringComparison.Ordinal) ? strings[argument].Value : argument;

    private string Title(RequirementRule rule, Func<string, string> categoryName) =>
        rule.CategoryCode is { } c ? strings["Requirement_ForCategory", TypeName(rule.DocumentType), categoryName(c)] : TypeName(rule.DocumentType);

    private string TypeName(DocumentType type) => strings[$"Type_{type}"];

    private static string FormatDay(DateOnly? day) => PortalDates.Day(day);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Outcome> SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Fail(strings["Refused_Concurrent"]);
        }
    }
}
