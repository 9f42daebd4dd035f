using System.Net.Mail;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Applications;

/// <summary>
/// A brand's application: creating the brand, editing its profile, and every workflow action.
/// Checks who is asking on every call (members for the brand's actions, staff for decisions), so
/// the rules hold whatever page or endpoint calls it.
/// </summary>
public sealed class ApplicationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<ApplicationStrings> strings,
    IOptionsMonitor<ApplicationOptions> options,
    NotificationService notifications,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<CategoryOption>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.Where(c => c.IsActive).OrderBy(c => c.SortOrder)
            .Select(c => new CategoryOption(c.Id, c.Code, c.NameZh, c.NameEn)).ToListAsync(cancellationToken);
    }

    /// <summary>Starts a brand in Draft with the signed-in brand manager as its owner.</summary>
    public async Task<Outcome<string>> CreateAsync(ClaimsPrincipal user, NewBrandRequest request, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId || !user.IsInRole(Accounts.PortalRoles.BrandManager))
        {
            return Outcome<string>.Fail(strings["Refused_NotBrandManager"]);
        }

        var code = request.Code.Trim().ToLowerInvariant();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(request.NameZh))
        {
            errors.Add(strings["Validation_Required", strings["Field_NameZh"]]);
        }

        if (string.IsNullOrWhiteSpace(request.NameEn))
        {
            errors.Add(strings["Validation_Required", strings["Field_NameEn"]]);
        }

        if (!ApplicationRules.IsValidCode(code))
        {
            errors.Add(strings["Validation_Code"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (errors.Count == 0 && await db.Brands.AnyAsync(b => b.Code == code, cancellationToken))
        {
            errors.Add(strings["Validation_CodeTaken", code]);
        }

        if (errors.Count > 0)
        {
            return Outcome<string>.Fail(errors);
        }

        var brand = new Brand { Code = code, NameZh = request.NameZh.Trim(), NameEn = request.NameEn.Trim() };
        db.Brands.Add(brand);
        db.BrandMembers.Add(new BrandMember { BrandId = brand.Id, UserId = userId, Role = BrandMemberRole.Owner, JoinedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another brand took the code between the check and the insert (unique index).
            return Outcome<string>.Fail(strings["Validation_CodeTaken", code]);
        }

        return Outcome<string>.Success(code);
    }

    /// <summary>The application as <paramref name="user"/> may see it; null when they may not (or it does not exist).</summary>
    public async Task<ApplicationView?> GetAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.Include(b => b.Categories).AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null)
        {
            return null;
        }

        var role = await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken);
        var staff = BrandDirectory.IsStaff(user);
        if (role is null && !staff)
        {
            return null;
        }

        var history = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.BrandId == brand.Id)
            .OrderByDescending(e => e.CreatedAt)
            .GroupJoin(db.Users, e => e.ActorUserId, u => u.Id, (e, actors) => new { e, actors })
            .SelectMany(x => x.actors.DefaultIfEmpty(), (x, actor) => new { x.e, Name = actor == null ? "" : actor.DisplayName })
            .ToListAsync(cancellationToken);

        var actions = new List<ApplicationAction>();
        if (role is not null)
        {
            actions.AddRange(ApplicationWorkflow.Available(brand.Status, ApplicationActor.Brand));
        }

        if (staff)
        {
            actions.AddRange(ApplicationWorkflow.Available(brand.Status, ApplicationActor.Staff));
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        return new ApplicationView(
            new BrandSummary(brand.Id, brand.Code, brand.NameZh, brand.NameEn, role),
            brand.Status,
            ToProfile(brand),
            brand.SubmittedAt,
            brand.DecisionDueOn,
            brand.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview && brand.DecisionDueOn < today,
            brand.LastDecisionReason,
            brand.LastDecisionAt,
            brand.OpenChangeRequests,
            brand.ReapplyFrom,
            ApplicationRules.MissingForSubmission(brand),
            actions,
            role is not null && ApplicationWorkflow.IsEditable(brand.Status),
            history.Select(h => new ApplicationEventView(h.e.Action, h.e.From, h.e.To, h.Name, h.e.CreatedAt, h.e.Reason, h.e.FieldReasons)).ToList());
    }

    /// <summary>Saves the profile while the application is a draft or sent back for changes; members only.</summary>
    public async Task<Outcome> SaveProfileAsync(ClaimsPrincipal user, string code, BrandProfile profile, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.Include(b => b.Categories).SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null || await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken) is null)
        {
            return Outcome.Fail(strings["Refused_NotMember"]);
        }

        if (!ApplicationWorkflow.IsEditable(brand.Status))
        {
            return Outcome.Fail(strings["Refused_NotEditable", strings[$"Status_{brand.Status}"]]);
        }

        var errors = await ValidateAsync(db, profile, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Fail(errors);
        }

        brand.NameZh = profile.NameZh.Trim();
        brand.NameEn = profile.NameEn.Trim();
        brand.CompanyName = Clean(profile.CompanyName);
        brand.ContactName = Clean(profile.ContactName);
        brand.ContactPhone = Clean(profile.ContactPhone);
        brand.ContactEmail = Clean(profile.ContactEmail);
        brand.StoreId = Clean(profile.StoreId);
        brand.TrademarkNumber = Clean(profile.TrademarkNumber);
        brand.TrademarkClass = profile.TrademarkClass;
        brand.TrademarkOwner = Clean(profile.TrademarkOwner);
        brand.AuthorizationChain = profile.AuthorizationChain
            .Select(l => new AuthorizationLink { Grantor = l.Grantor.Trim(), Grantee = l.Grantee.Trim() })
            .ToList();
        brand.Categories.RemoveAll(c => !profile.CategoryIds.Contains(c.CategoryId));
        foreach (var id in profile.CategoryIds.Distinct().Where(id => brand.Categories.All(c => c.CategoryId != id)))
        {
            brand.Categories.Add(new BrandCategory { BrandId = brand.Id, CategoryId = id });
        }

        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Takes one workflow action. Refused, with a message saying why, when the action is not possible
    /// from the current state, the person may not take it, a required reason is missing, or (for
    /// Submit) the profile is incomplete.
    /// </summary>
    public async Task<Outcome> ActAsync(ClaimsPrincipal user, string code, ApplicationAction action, string? reason = null, IReadOnlyList<FieldReason>? fieldReasons = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.Include(b => b.Categories).SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null || BrandDirectory.UserId(user) is not { } userId)
        {
            return Outcome.Fail(strings["Refused_NotMember"]);
        }

        var transition = ApplicationWorkflow.Of(action);
        var allowed = transition.Actor == ApplicationActor.Staff
            ? BrandDirectory.IsStaff(user)
            : await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken) is not null;
        if (!allowed)
        {
            return Outcome.Fail(strings[transition.Actor == ApplicationActor.Staff ? "Refused_StaffOnly" : "Refused_NotMember"]);
        }

        if (!transition.From.Contains(brand.Status))
        {
            return Outcome.Fail(strings["Refused_Transition", strings[$"Action_{action}"], strings[$"Status_{brand.Status}"]]);
        }

        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var reasons = (fieldReasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Reason)).ToList();
        if (action == ApplicationAction.RequestChanges)
        {
            if (reasons.Count == 0)
            {
                return Outcome.Fail(strings["Refused_FieldReasonsRequired"]);
            }

            if (reasons.FirstOrDefault(r => !ApplicationRules.Fields.Contains(r.Field)) is { } unknown)
            {
                return Outcome.Fail(strings["Refused_UnknownField", unknown.Field]);
            }
        }
        else if (transition.ReasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Fail(strings["Refused_ReasonRequired", strings[$"Action_{action}"]]);
        }

        if (action == ApplicationAction.Submit && ApplicationRules.MissingForSubmission(brand) is { Count: > 0 } missing)
        {
            return Outcome.Fail(missing.Select(field => strings["Refused_Missing", strings[$"Field_{field}"]].Value).Prepend(strings["Refused_Incomplete"].Value));
        }

        if (action == ApplicationAction.Reapply && brand.ReapplyFrom > today)
        {
            return Outcome.Fail(strings["Refused_ReapplyTooEarly", Localization.PortalDates.Day(brand.ReapplyFrom.Value)]);
        }

        db.ApplicationEvents.Add(new ApplicationEvent
        {
            BrandId = brand.Id,
            Action = action,
            From = brand.Status,
            To = transition.To,
            ActorUserId = userId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            FieldReasons = reasons.Select(r => new FieldReason { Field = r.Field, Reason = r.Reason.Trim() }).ToList(),
        });

        brand.Status = transition.To;
        brand.Version++;
        switch (action)
        {
            case ApplicationAction.Submit:
                brand.SubmittedAt = now;
                brand.DecisionDueOn = PlatformTime.AddWorkingDays(today, options.CurrentValue.ReviewTargetWorkingDays);
                brand.OpenChangeRequests = [];
                break;
            case ApplicationAction.RequestChanges:
                brand.OpenChangeRequests = reasons.Select(r => new FieldReason { Field = r.Field, Reason = r.Reason.Trim() }).ToList();
                Decided(brand, reason, now);
                break;
            case ApplicationAction.Reject:
                Decided(brand, reason, now);
                brand.ReapplyFrom = today.AddDays(options.CurrentValue.ReapplyWaitingDays);
                break;
            case ApplicationAction.Approve or ApplicationAction.Suspend or ApplicationAction.Reinstate:
                Decided(brand, reason, now);
                break;
            case ApplicationAction.Reapply:
                brand.ReapplyFrom = null;
                break;
            case ApplicationAction.StartReview:
                break;
        }

        var batch = await ApplicationNotifications.QueueAsync(notifications, db, brand, action, reason, reasons, cancellationToken);
        var outcome = await SaveAsync(db, cancellationToken);
        if (outcome.Succeeded)
        {
            notifications.Publish(batch);
        }

        return outcome;
    }

    /// <summary>Applications waiting for staff (submitted or under review), oldest submission first.</summary>
    public async Task<IReadOnlyList<ApplicationQueueItem>> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var rows = await db.Brands.AsNoTracking()
            .Where(b => (b.Status == ApplicationStatus.Submitted || b.Status == ApplicationStatus.UnderReview) && b.SubmittedAt != null)
            .OrderBy(b => b.SubmittedAt)
            .Select(b => new { b.Code, b.NameZh, b.NameEn, b.Status, b.SubmittedAt, b.DecisionDueOn })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ApplicationQueueItem(r.Code, r.NameZh, r.NameEn, r.Status, r.SubmittedAt!.Value, r.DecisionDueOn!.Value, r.DecisionDueOn < today)).ToList();
    }

    private static void Decided(Brand brand, string? reason, DateTimeOffset now)
    {
        brand.LastDecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        brand.LastDecisionAt = now;
    }

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

    private async Task<List<string>> ValidateAsync(PortalDbContext db, BrandProfile profile, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(profile.NameZh))
        {
            errors.Add(strings["Validation_Required", strings["Field_NameZh"]]);
        }

        if (string.IsNullOrWhiteSpace(profile.NameEn))
        {
            errors.Add(strings["Validation_Required", strings["Field_NameEn"]]);
        }

        if (!string.IsNullOrWhiteSpace(profile.ContactEmail) && !MailAddress.TryCreate(profile.ContactEmail.Trim(), out _))
        {
            errors.Add(strings["Validation_Email", strings["Field_ContactEmail"]]);
        }

        if (profile.TrademarkClass is < 1 or > 45)
        {
            errors.Add(strings["Validation_TrademarkClass"]);
        }

        if (profile.AuthorizationChain.Count > ApplicationRules.MaxAuthorizationLevels)
        {
            errors.Add(strings["Validation_ChainTooLong", ApplicationRules.MaxAuthorizationLevels]);
        }

        if (profile.AuthorizationChain.Any(l => string.IsNullOrWhiteSpace(l.Grantor) || string.IsNullOrWhiteSpace(l.Grantee)))
        {
            errors.Add(strings["Validation_ChainLinkIncomplete"]);
        }

        var ids = profile.CategoryIds.Distinct().ToList();
        if (ids.Count > 0 && await db.Categories.CountAsync(c => ids.Contains(c.Id) && c.IsActive, cancellationToken) != ids.Count)
        {
            errors.Add(strings["Validation_UnknownCategory"]);
        }

        return errors;
    }


    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static BrandProfile ToProfile(Brand brand) => new()
    {
        NameZh = brand.NameZh,
        NameEn = brand.NameEn,
        CompanyName = brand.CompanyName,
        ContactName = brand.ContactName,
        ContactPhone = brand.ContactPhone,
        ContactEmail = brand.ContactEmail,
        StoreId = brand.StoreId,
        TrademarkNumber = brand.TrademarkNumber,
        TrademarkClass = brand.TrademarkClass,
        TrademarkOwner = brand.TrademarkOwner,
        CategoryIds = brand.Categories.Select(c => c.CategoryId).ToList(),
        AuthorizationChain = brand.AuthorizationChain.Select(l => new AuthorizationLink { Grantor = l.Grantor, Grantee = l.Grantee }).ToList(),
    };
}
