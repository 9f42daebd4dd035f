using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Audit;

namespace Portal.Core.Features.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Users, API clients and the audit log viewer (all Admin only).</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddSingleton<AdminEmails>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<AccountOverview>();
        services.AddSingleton<ApiClientAdministration>();
        services.AddSingleton<ApiClientBrandScopes>();
        services.AddSingleton<IApiClientOwnerKind, PlatformOwnerKind>();
        services.AddSingleton<IApiClientOwnerKind, BrandsOwnerKind>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditNames>();
        services.AddSingleton<AuditValueTypes>();
        services.AddSingleton<AuditChainVerification>();
        return services;
    }
}
