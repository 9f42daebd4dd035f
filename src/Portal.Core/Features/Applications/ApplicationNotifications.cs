using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Applications;

/// <summary>Who hears of an application's step: staff decisions reach the brand, a submission reaches staff.</summary>
internal static class ApplicationNotifications
{
    /// <summary>Queues the step's notifications in <paramref name="db"/>; publish the batch once the step is saved.</summary>
    public static async Task<NotificationBatch> QueueAsync(NotificationService notifications, PortalDbContext db, Brand brand,
        ApplicationAction action, string? reason, IReadOnlyList<FieldReason> reasons, CancellationToken cancellationToken)
    {
        var batch = new NotificationBatch();
        // Staff decisions reach the brand's members (their choice of channel, their language).
        if (action is ApplicationAction.Approve or ApplicationAction.Reject or ApplicationAction.RequestChanges or ApplicationAction.Suspend or ApplicationAction.Reinstate)
        {
            var detail = action == ApplicationAction.RequestChanges
                ? string.Join("; ", reasons.Select(r => r.Reason.Trim()))
                : string.IsNullOrWhiteSpace(reason) ? "" : reason.Trim();
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.ApplicationDecision, $"Application_{action}", brand.Id, $"/brands/{brand.Code}/application", [NotificationArg.Plain(detail)]),
                await NotificationService.BrandMembersAsync(db, brand.Id, cancellationToken), cancellationToken: cancellationToken);
        }

        // A submission is new work in staff's queue: the account manager hears of it, or every staff member while there is none.
        if (action == ApplicationAction.Submit)
        {
            var due = Localization.PortalDates.Day(brand.DecisionDueOn!.Value);
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.ApplicationSubmitted, "ApplicationSubmitted", brand.Id, $"/brands/{brand.Code}/application", [NotificationArg.Plain(due)]),
                await NotificationService.AccountManagerOrStaffAsync(db, brand.Id, cancellationToken), cancellationToken: cancellationToken);
        }

        return batch;
    }
}
