using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Portal.Core.Features.Administration;

/// <summary>
/// The brands an API client may touch, read from its OpenIddict entry on every call (so a change
/// applies at once, like revocation). An unknown client, an unreadable owner or an owner kind
/// nobody handles gets no brands: the check fails closed.
/// </summary>
public sealed class ApiClientBrandScopes(IServiceScopeFactory scopes, IEnumerable<IApiClientOwnerKind> kinds)
{
    private readonly Dictionary<string, IApiClientOwnerKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public async Task<BrandScope> ForClientAsync(string? clientId, CancellationToken cancellationToken = default) =>
        await OwnerOfAsync(clientId, cancellationToken) is { } owner && _kinds.TryGetValue(owner.Kind, out var kind)
            ? await kind.ResolveAsync(owner, cancellationToken)
            : BrandScope.Nothing;

    /// <summary>Whom the client acts for; null for an unknown client or an unreadable owner.</summary>
    public async Task<ApiClientOwner?> OwnerOfAsync(string? clientId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is null ? null : await OwnerAsync(applications, application, cancellationToken);
    }

    internal static async Task<ApiClientOwner?> OwnerAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return ApiClientOwner.FromJson(properties.TryGetValue(ApiClientOwner.PropertyName, out var stored) ? stored : null);
    }
}
