using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Providers;

/// <summary>What staff decide on a provider's application.</summary>
public enum ProviderDecision
{
    /// <summary>The provider becomes <see cref="ProviderStatus.Active"/>: brands may authorise it.</summary>
    Approve,

    /// <summary>The provider becomes <see cref="ProviderStatus.Rejected"/>, with the reason its people read.</summary>
    Reject,
}

/// <summary>
/// Staff review a provider's application: approving makes it <see cref="ProviderStatus.Active"/> (brands may then
/// authorise it), rejecting needs a reason. The provider's people hear of the decision as brands hear of theirs:
/// a notification of kind <see cref="NotificationKind.ApplicationDecision"/>, in-app and by e-mail as each chose.
/// </summary>
public sealed class ProviderDecisions(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<ProviderStrings> strings,
    NotificationService notifications,
    TimeProvider clock)
{
    /// <summary>Staff decide on an application waiting for review; a rejection needs a <paramref name="reason"/>.</summary>
    public async Task<Outcome> DecideAsync(ClaimsPrincipal staff, string code, ProviderDecision decision, string? reason, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(staff) || BrandDirectory.UserId(staff) is null)
        {
            return Outcome.Fail(strings["Refused_StaffOnly"]);
        }

        var text = reason?.Trim() ?? "";
        if (decision == ProviderDecision.Reject && text.Length == 0)
        {
            return Outcome.Fail(strings["Validation_ReasonRequired"]);
        }

        if (text.Length > 2000)
        {
            return Outcome.Fail(strings["Validation_TooLong", strings["Field_Reason"], 2000]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = ProviderFormRules.Normalize(code);
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Code == normalized, cancellationToken);
        if (provider is null)
        {
            return Outcome<string>.Missing(strings["Refused_UnknownProvider"]);
        }

        if (provider.Status != ProviderStatus.Applied)
        {
            return Outcome.Fail(strings["Refused_NotApplied", strings[$"Status_{provider.Status}"]]);
        }

        provider.Status = decision == ProviderDecision.Approve ? ProviderStatus.Active : ProviderStatus.Rejected;
        provider.DecisionReason = text.Length == 0 ? null : text;
        provider.DecidedAt = clock.GetUtcNow();

        var members = await db.ProviderMembers.Where(m => m.ProviderId == provider.Id).Select(m => m.UserId).ToListAsync(cancellationToken);
        var batch = new NotificationBatch();
        await notifications.AddAsync(db, batch,
            new NotificationMessage(NotificationKind.ApplicationDecision, $"ProviderApplication_{decision}", null, ProviderPaths.Application,
                [NotificationArg.Names(provider.NameZh, provider.NameEn), NotificationArg.Plain(text)]),
            members, cancellationToken: cancellationToken);
        var saved = await db.SaveOrRefuseAsync(strings["Refused_ChangedMeanwhile"], cancellationToken);
        if (saved.Succeeded)
        {
            notifications.Publish(batch);
        }

        return saved;
    }
}
