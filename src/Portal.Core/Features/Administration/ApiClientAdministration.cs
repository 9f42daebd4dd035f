using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;
using Portal.Core.Data;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Seeding;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Core.Features.Administration;

/// <summary>An API client as the list shows it: never its secret.</summary>
public sealed record ApiClientRow(string Id, string ClientId, string DisplayName, IReadOnlyList<string> Scopes, ApiClientOwner? Owner = null);

/// <summary>
/// Administration of the machine clients (OAuth client credentials): create with a generated
/// secret shown once, rotate the secret, revoke. Revoking and rotating also revoke every token the
/// client holds; the validation side checks each token's stored entry, so they stop working at once.
/// </summary>
public sealed partial class ApiClientAdministration(
    IServiceScopeFactory scopes,
    IStringLocalizer<AdminStrings> strings,
    IStringLocalizer<SecurityCoreStrings> ownerStrings,
    TimeProvider clock)
{
    /// <summary>The scopes an admin may give a client.</summary>
    public static readonly IReadOnlyList<string> Scopes = [PortalScopes.MetricsWrite, PortalScopes.MetricsRead];

    public async Task<Outcome<IReadOnlyList<ApiClientRow>>> ListAsync(ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await IsAdminAsync(scope, admin, cancellationToken))
        {
            return Outcome<IReadOnlyList<ApiClientRow>>.Fail(strings["Admin_Refused"]);
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var rows = new List<ApiClientRow>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            rows.Add(await RowAsync(applications, application, cancellationToken));
        }

        return Outcome<IReadOnlyList<ApiClientRow>>.Success(rows.OrderBy(r => r.ClientId, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Creates a confidential client; the answer holds the generated secret, which is stored only hashed.
    /// <paramref name="owner"/> says which brands it may touch (default: every brand, the platform's own feed).
    /// </summary>
    public async Task<Outcome<string>> CreateAsync(ClaimsPrincipal admin, string clientId, string displayName, IReadOnlyCollection<string> scopesGranted, ApiClientOwner? owner = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await IsAdminAsync(scope, admin, cancellationToken))
        {
            return Outcome<string>.Fail(strings["Admin_Refused"]);
        }

        var id = (clientId ?? "").Trim();
        var name = (displayName ?? "").Trim();
        var errors = new List<string>();
        if (!ClientIdPattern().IsMatch(id))
        {
            errors.Add(strings["Admin_InvalidClientId"]);
        }

        if (name.Length is 0 or > 100)
        {
            errors.Add(strings["Admin_InvalidName"]);
        }

        if (scopesGranted.Count == 0 || scopesGranted.Any(s => !Scopes.Contains(s)))
        {
            errors.Add(strings["Admin_InvalidScopes"]);
        }

        owner ??= ApiClientOwner.Platform;
        errors.AddRange(await CheckOwnerAsync(scope, owner, cancellationToken));
        if (errors.Count > 0)
        {
            return Outcome<string>.Fail(errors);
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(id, cancellationToken) is not null)
        {
            return Outcome<string>.Fail(strings["Admin_ClientExists", id]);
        }

        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = id,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            Properties = { [ApiClientOwner.PropertyName] = owner.ToJson() },
        };
        foreach (var granted in scopesGranted.Distinct())
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + granted);
        }

        using var audit = AuditScope.Begin(admin, AdminOperations.CreateClient);
        await applications.CreateAsync(descriptor, cancellationToken);
        return Outcome<string>.Success(secret);
    }

    /// <summary>Gives the client a new generated secret (the old one stops working) and revokes its tokens.</summary>
    public async Task<Outcome<string>> RotateSecretAsync(ClaimsPrincipal admin, string clientId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await IsAdminAsync(scope, admin, cancellationToken))
        {
            return Outcome<string>.Fail(strings["Admin_Refused"]);
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return Outcome<string>.Fail(strings["Admin_ClientNotFound"]);
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = NewSecret();
        descriptor.ClientSecret = secret;
        using var audit = AuditScope.Begin(admin, AdminOperations.RotateSecret);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        await RevokeTokensAsync(scope, applications, application, cancellationToken);
        return Outcome<string>.Success(secret);
    }

    /// <summary>Revokes every token of the client and deletes it: its tokens fail at once and it gets no new ones.</summary>
    public async Task<Outcome> RevokeAsync(ClaimsPrincipal admin, string clientId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await IsAdminAsync(scope, admin, cancellationToken))
        {
            return Outcome.Fail(strings["Admin_Refused"]);
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return Outcome.Fail(strings["Admin_ClientNotFound"]);
        }

        using var audit = AuditScope.Begin(admin, AdminOperations.RevokeClient);
        await RevokeTokensAsync(scope, applications, application, cancellationToken);
        // Deleting the application also deletes its token entries, so even a token whose entry was
        // revoked a moment ago cannot be found valid again.
        await applications.DeleteAsync(application, cancellationToken);
        return Outcome.Ok;
    }

    private static async Task RevokeTokensAsync(AsyncServiceScope scope, IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var id = await applications.GetIdAsync(application, cancellationToken);
        if (id is not null)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
        }
    }

    /// <summary>A brand-limited owner names at least one brand, and every brand it names exists; a provider owner names one existing provider.</summary>
    private async Task<IReadOnlyList<string>> CheckOwnerAsync(AsyncServiceScope scope, ApiClientOwner owner, CancellationToken cancellationToken)
    {
        if (owner.Kind == ApiClientOwner.PlatformKind)
        {
            return [];
        }

        if (owner.Kind == ApiClientOwner.ProviderKind)
        {
            if (owner.References is not [{ Length: > 0 } code])
            {
                return [ownerStrings["ApiClients_ProviderRequired"]];
            }

            var exists = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Providers.AnyAsync(p => p.Code == code, cancellationToken);
            return exists ? [] : [ownerStrings["ApiClients_ProviderUnknown", code]];
        }

        if (owner.Kind != ApiClientOwner.BrandsKind)
        {
            return [ownerStrings["ApiClients_OwnerUnknown", owner.Kind]];
        }

        if (owner.References.Count == 0)
        {
            return [ownerStrings["ApiClients_BrandsRequired"]];
        }

        var codes = owner.References.ToList();
        var known = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Brands
            .Where(b => codes.Contains(b.Code))
            .Select(b => b.Code)
            .ToListAsync(cancellationToken);
        return codes.Except(known, StringComparer.Ordinal).Select(code => (string)ownerStrings["ApiClients_BrandUnknown", code]).ToList();
    }

    private async Task<bool> IsAdminAsync(AsyncServiceScope scope, ClaimsPrincipal admin, CancellationToken cancellationToken) =>
        await AdminGate.AdminIdAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), admin, clock, cancellationToken) is not null;

    private static async Task<ApiClientRow> RowAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        return new ApiClientRow(
            await applications.GetIdAsync(application, cancellationToken) ?? "",
            await applications.GetClientIdAsync(application, cancellationToken) ?? "",
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? "",
            permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])
                .Order(StringComparer.Ordinal)
                .ToList(),
            await ApiClientBrandScopes.OwnerAsync(applications, application, cancellationToken));
    }

    /// <summary>256 random bits, URL-safe: long enough that guessing is hopeless.</summary>
    internal static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}
