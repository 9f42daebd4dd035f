using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Providers;

/// <summary>
/// Staff stop an active provider (<see cref="ProviderStatus.Suspended"/>, with a reason) and let it work again. While
/// suspended, nothing of it reaches a brand: <see cref="Delegations.ActingAsync"/>, its API clients' scope and its
/// workspace all require an active provider, and every brand it serves is told at once, so its people's open brand
/// pages turn to "not found". The delegations stay as the brands granted them and count again on reinstatement. The
/// provider's people and the owners of the brands it serves hear of both.
/// </summary>
public sealed class ProviderSuspension(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<ProviderStrings> strings,
    NotificationService notifications,
    ProviderDeparture departure,
    TimeProvider clock)
{
    /// <summary>The longest reason staff may give.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>Staff suspend an active provider; the <paramref name="reason"/> is required and its people read it.</summary>
    public Task<Outcome> SuspendAsync(ClaimsPrincipal staff, string code, string? reason, CancellationToken cancellationToken = default)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Task.FromResult(Outcome.Fail(strings["Validation_SuspendReasonRequired"]));
        }

        return text.Length > MaxReasonLength
            ? Task.FromResult(Outcome.Fail(strings["Validation_TooLong", strings["Field_Reason"], MaxReasonLength]))
            : ChangeAsync(staff, code, ProviderStatus.Active, ProviderStatus.Suspended, text, cancellationToken);
    }

    /// <summary>Staff let a suspended provider work again, on the delegations the brands had granted.</summary>
    public Task<Outcome> ReinstateAsync(ClaimsPrincipal staff, string code, CancellationToken cancellationToken = default) =>
        ChangeAsync(staff, code, ProviderStatus.Suspended, ProviderStatus.Active, null, cancellationToken);

    private async Task<Outcome> ChangeAsync(ClaimsPrincipal staff, string code, ProviderStatus from, ProviderStatus to, string? reason, CancellationToken cancellationToken)
    {
        if (!BrandDirectory.IsStaff(staff) || BrandDirectory.UserId(staff) is null)
        {
            return Outcome.Fail(strings["Refused_StaffOnly"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = ProviderFormRules.Normalize(code);
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Code == normalized, cancellationToken);
        if (provider is null)
        {
            return Outcome<string>.Missing(strings["Refused_UnknownProvider"]);
        }

        if (provider.Status != from)
        {
            return Outcome.Fail(strings[to == ProviderStatus.Suspended ? "Refused_NotActive" : "Refused_NotSuspended", strings[$"Status_{provider.Status}"]]);
        }

        provider.Status = to;
        provider.DecisionReason = reason;
        provider.DecidedAt = clock.GetUtcNow();
        var batch = new NotificationBatch();
        await TellAsync(db, batch, provider, to == ProviderStatus.Suspended ? "ProviderSuspended" : "ProviderReinstated", reason ?? "", cancellationToken);
        var saved = await db.SaveOrRefuseAsync(strings["Refused_ChangedMeanwhile"], cancellationToken);
        if (saved.Succeeded)
        {
            notifications.Publish(batch);
            await departure.TellServedBrandsAsync(db, provider.Id, cancellationToken);
        }

        return saved;
    }

    /// <summary>The provider's people, on their application page, and each served brand's owners, on its providers page.</summary>
    private async Task TellAsync(PortalDbContext db, NotificationBatch batch, Provider provider, string template, string reason, CancellationToken cancellationToken)
    {
        var names = NotificationArg.Names(provider.NameZh, provider.NameEn);
        var people = await db.ProviderMembers.Where(m => m.ProviderId == provider.Id).Select(m => m.UserId).ToListAsync(cancellationToken);
        await notifications.AddAsync(db, batch,
            new NotificationMessage(NotificationKind.ApplicationDecision, template, null, ProviderPaths.Application, [names, NotificationArg.Plain(reason)]),
            people, cancellationToken: cancellationToken);

        // The served brands' owners in one read, then one message per brand (each names its own brand and page).
        var served = Delegations.ServedOrScheduled(db, provider.Id, PlatformTime.DayOf(clock.GetUtcNow()));
        var owners = await (
                from brand in db.Brands
                where served.Contains(brand.Id)
                join member in db.BrandMembers on brand.Id equals member.BrandId
                where member.Role == BrandMemberRole.Owner
                select new { brand.Id, brand.Code, member.UserId })
            .ToListAsync(cancellationToken);
        foreach (var brand in owners.GroupBy(o => (o.Id, o.Code)))
        {
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.ApplicationDecision, $"{template}_ToBrand", brand.Key.Id, $"/brands/{brand.Key.Code}/providers", [names, NotificationArg.Plain(reason)]),
                brand.Select(o => o.UserId), cancellationToken: cancellationToken);
        }
    }
}
