using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Providers;

/// <summary>The signed-in person's own provider application, as <c>/providers/apply</c> shows it.</summary>
public sealed record ProviderApplicationView(string Code, string NameZh, string NameEn, ProviderStatus Status, ProviderRole Role, string? DecisionReason, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>
/// How a provider comes in: staff register it (active at once), or a person applies for their agency and
/// becomes its manager while staff review it (<see cref="ProviderDecisions"/>). Nothing is written on bad input.
/// </summary>
public sealed class ProviderRegistration(
    IServiceScopeFactory scopes,
    IStringLocalizer<ProviderStrings> strings,
    NotificationService notifications,
    TimeProvider clock)
{
    /// <summary>Staff register a provider; it is <see cref="ProviderStatus.Active"/> at once. Returns its code.</summary>
    public async Task<Outcome<string>> RegisterAsync(ClaimsPrincipal staff, ProviderForm form, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(staff) || BrandDirectory.UserId(staff) is null)
        {
            return Outcome<string>.Fail(strings["Refused_StaffOnly"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await ValidateAsync(db, form, null, cancellationToken) is { Count: > 0 } errors)
        {
            return Outcome<string>.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var provider = NewProvider(form, ProviderStatus.Active);
        provider.DecidedAt = now;
        db.Providers.Add(provider);
        return await SaveAsync(db, provider.Code, cancellationToken) ?? Outcome<string>.Success(provider.Code);
    }

    /// <summary>
    /// A signed-in person outside every provider applies for their agency: the provider waits in
    /// <see cref="ProviderStatus.Applied"/>, the person is its manager and gets the Provider role, and staff hear of it.
    /// The manager of a rejected application applies again with corrected details.
    /// </summary>
    public async Task<Outcome<string>> ApplyAsync(ClaimsPrincipal user, ProviderForm form, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return Outcome<string>.Fail(strings["Refused_SignIn"]);
        }

        if (BrandDirectory.IsStaff(user))
        {
            return Outcome<string>.Fail(strings["Refused_StaffApply"]);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var membership = await db.ProviderMembers.Where(m => m.UserId == userId)
            .Join(db.Providers, m => m.ProviderId, p => p.Id, (m, p) => new { Provider = p, m.Role })
            .SingleOrDefaultAsync(cancellationToken);
        var again = membership is { Role: ProviderRole.Manager, Provider.Status: ProviderStatus.Rejected } ? membership.Provider : null;
        if (membership is not null && again is null)
        {
            return Outcome<string>.Fail(strings["Refused_AlreadyInProvider", membership.Provider.DisplayName(System.Globalization.CultureInfo.CurrentUICulture)]);
        }

        // A provider keeps the code it first applied with: API clients, links and the audit name it by its code, and a
        // code given up on re-application could be taken by another company, whose brands those clients would reach.
        if (again is not null && ProviderFormRules.Normalize(form.Code) != again.Code)
        {
            return Outcome<string>.Fail(strings["Refused_CodeStays", again.Code]);
        }

        if (await ValidateAsync(db, form, again?.Id, cancellationToken) is { Count: > 0 } errors)
        {
            return Outcome<string>.Fail(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var provider = again ?? NewProvider(form, ProviderStatus.Applied);
        if (again is null)
        {
            db.Providers.Add(provider);
            db.ProviderMembers.Add(new ProviderMember { ProviderId = provider.Id, UserId = userId, Role = ProviderRole.Manager, JoinedAt = clock.GetUtcNow() });
        }
        else
        {
            ProviderFormRules.CopyTo(form, again);
            again.Status = ProviderStatus.Applied;
            again.DecisionReason = null;
            again.DecidedAt = null;
        }

        // The provider first, so a code taken meanwhile is refused before anything else is written.
        if (await SaveAsync(db, provider.Code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var account = await users.FindByIdAsync(userId.ToString());
        if (account is null)
        {
            return Outcome<string>.Fail(strings["Refused_SignIn"]);
        }

        if (!await users.IsInRoleAsync(account, PortalRoles.Provider) && await users.AddToRoleAsync(account, PortalRoles.Provider) is { Succeeded: false } added)
        {
            return Outcome<string>.Fail(added.Errors.Select(e => e.Description));
        }

        var batch = new NotificationBatch();
        await notifications.AddAsync(db, batch,
            new NotificationMessage(NotificationKind.ApplicationSubmitted, "ProviderApplication_Submitted", null, ProviderPaths.Staff(provider.Code),
                [NotificationArg.Names(provider.NameZh, provider.NameEn)]),
            await NotificationService.StaffAsync(db, cancellationToken), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifications.Publish(batch);
        return Outcome<string>.Success(provider.Code);
    }

    /// <summary>The provider the signed-in person belongs to, with its status (null: they belong to none).</summary>
    public async Task<ProviderApplicationView?> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.ProviderMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Providers, m => m.ProviderId, p => p.Id,
                (m, p) => new ProviderApplicationView(p.Code, p.NameZh, p.NameEn, p.Status, m.Role, p.DecisionReason, p.CreatedAt, p.DecidedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<List<string>> ValidateAsync(PortalDbContext db, ProviderForm form, Guid? self, CancellationToken cancellationToken)
    {
        var errors = ProviderFormRules.Validate(strings, form);
        var code = ProviderFormRules.Normalize(form.Code);
        if (errors.Count == 0 && await db.Providers.AnyAsync(p => p.Code == code && p.Id != self, cancellationToken))
        {
            errors.Add(strings["Validation_CodeTaken", code]);
        }

        return errors;
    }

    private static Provider NewProvider(ProviderForm form, ProviderStatus status)
    {
        var provider = new Provider { Code = "", NameZh = "", NameEn = "", CompanyName = "", ContactName = "", ContactEmail = "", Status = status };
        ProviderFormRules.CopyTo(form, provider);
        return provider;
    }

    /// <summary>Saves; a code or a person taken between the check and the insert (unique indexes) is a refusal.</summary>
    private async Task<Outcome<string>?> SaveAsync(PortalDbContext db, string code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<string>.Fail(strings["Refused_ChangedMeanwhile"]);
        }
        catch (DbUpdateException race) when (UniqueViolation.Is(race))
        {
            // Two keys can be taken here: the code by another provider, or the person (one provider each) by their own
            // application from another tab, or an invitation they accepted meanwhile.
            return Outcome<string>.Fail(UniqueViolation.IsOn(race, "ProviderMembers") ? strings["Refused_JoinedMeanwhile"] : strings["Validation_CodeTaken", code]);
        }
    }
}

/// <summary>The portal paths of provider pages, for links in notifications and e-mails.</summary>
public static class ProviderPaths
{
    /// <summary>Staff's page of one provider.</summary>
    public static string Staff(string code) => $"/ops/providers/{code}";

    /// <summary>The provider's home: the brands it serves.</summary>
    public const string Home = "/provider";

    /// <summary>The applicant's own application page.</summary>
    public const string Application = "/providers/apply";

    /// <summary>The provider's people page.</summary>
    public const string People = "/provider/people";

    /// <summary>The page that accepts an invitation to join a provider.</summary>
    public static string Invitation(string token) => $"provider-invitations/{Uri.EscapeDataString(token)}";
}
