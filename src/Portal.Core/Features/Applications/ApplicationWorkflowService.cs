using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Applications;

/// <summary>
/// Taking the application's workflow actions (<see cref="ApplicationWorkflow"/>): members submit and
/// reapply, staff review, decide, suspend and reinstate. Checks who is asking on every call, so the
/// rules hold whatever page or endpoint calls it.
/// </summary>
public sealed class ApplicationWorkflowService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<ApplicationStrings> strings,
    IOptionsMonitor<ApplicationOptions> options,
    NotificationService notifications,
    TimeProvider clock)
{
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

        var now = clock.GetUtcNow();
        var step = new Step(action, transition, reason, (fieldReasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Reason)).ToList(), now, PlatformTime.DayOf(now));
        if (Refusal(brand, step) is { } refusal)
        {
            return refusal;
        }

        Record(db, brand, step, userId);
        Apply(brand, step);
        if (StoredText.Refusals(db, strings, "Validation_TooLong", "Field_Text") is { Count: > 0 } tooLong)
        {
            return Outcome.Fail(tooLong);
        }

        var batch = await ApplicationNotifications.QueueAsync(notifications, db, brand, action, reason, step.FieldReasons, cancellationToken);
        var outcome = await db.SaveOrRefuseAsync(strings["Refused_Concurrent"], cancellationToken);
        if (outcome.Succeeded)
        {
            notifications.Publish(batch);
        }

        return outcome;
    }

    /// <summary>Why the step may not be taken from the brand's state, or null when it may.</summary>
    private Outcome? Refusal(Brand brand, Step step)
    {
        var action = step.Action;
        if (!step.Transition.From.Contains(brand.Status))
        {
            return Outcome.Fail(strings["Refused_Transition", strings[$"Action_{action}"], strings[$"Status_{brand.Status}"]]);
        }

        if (action == ApplicationAction.RequestChanges)
        {
            if (step.FieldReasons.Count == 0)
            {
                return Outcome.Fail(strings["Refused_FieldReasonsRequired"]);
            }

            if (step.FieldReasons.FirstOrDefault(r => !ApplicationRules.Fields.Contains(r.Field)) is { } unknown)
            {
                return Outcome.Fail(strings["Refused_UnknownField", unknown.Field]);
            }
        }
        else if (step.Transition.ReasonRequired && string.IsNullOrWhiteSpace(step.Reason))
        {
            return Outcome.Fail(strings["Refused_ReasonRequired", strings[$"Action_{action}"]]);
        }

        if (action == ApplicationAction.Submit && ApplicationRules.MissingForSubmission(brand) is { Count: > 0 } missing)
        {
            return Outcome.Fail(missing.Select(field => strings["Refused_Missing", strings[$"Field_{field}"]].Value).Prepend(strings["Refused_Incomplete"].Value));
        }

        if (action == ApplicationAction.Reapply && brand.ReapplyFrom > step.Today)
        {
            return Outcome.Fail(strings["Refused_ReapplyTooEarly", Localization.PortalDates.Day(brand.ReapplyFrom.Value)]);
        }

        return null;
    }

    private static void Record(PortalDbContext db, Brand brand, Step step, Guid userId) =>
        db.ApplicationEvents.Add(new ApplicationEvent
        {
            BrandId = brand.Id,
            Action = step.Action,
            From = brand.Status,
            To = step.Transition.To,
            ActorUserId = userId,
            Reason = TextInput.Clean(step.Reason),
            FieldReasons = step.TrimmedFieldReasons(),
        });

    /// <summary>Moves the brand and keeps what the action decides: due dates, open change requests, the waiting period.</summary>
    private void Apply(Brand brand, Step step)
    {
        brand.Status = step.Transition.To;
        brand.Version++;
        switch (step.Action)
        {
            case ApplicationAction.Submit:
                brand.SubmittedAt = step.Now;
                brand.DecisionDueOn = PlatformTime.AddWorkingDays(step.Today, options.CurrentValue.ReviewTargetWorkingDays);
                brand.OpenChangeRequests = [];
                break;
            case ApplicationAction.RequestChanges:
                brand.OpenChangeRequests = step.TrimmedFieldReasons();
                Decided(brand, step);
                break;
            case ApplicationAction.Reject:
                Decided(brand, step);
                brand.ReapplyFrom = step.Today.AddDays(options.CurrentValue.ReapplyWaitingDays);
                break;
            case ApplicationAction.Approve or ApplicationAction.Suspend or ApplicationAction.Reinstate:
                Decided(brand, step);
                break;
            case ApplicationAction.Reapply:
                brand.ReapplyFrom = null;
                break;
            case ApplicationAction.StartReview:
                break;
        }
    }

    private static void Decided(Brand brand, Step step)
    {
        brand.LastDecisionReason = TextInput.Clean(step.Reason);
        brand.LastDecisionAt = step.Now;
    }

    /// <summary>One action as asked: the reasons given (blank field reasons dropped) and when it is taken.</summary>
    private sealed record Step(ApplicationAction Action, ApplicationWorkflow.Transition Transition, string? Reason, List<FieldReason> FieldReasons, DateTimeOffset Now, DateOnly Today)
    {
        public List<FieldReason> TrimmedFieldReasons() => FieldReasons.Select(r => new FieldReason { Field = r.Field, Reason = r.Reason.Trim() }).ToList();
    }
}
