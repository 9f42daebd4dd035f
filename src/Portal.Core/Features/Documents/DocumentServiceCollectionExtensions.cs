using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Seeding;
using Portal.Core.Options;
using Portal.Core.Work;

namespace Portal.Core.Features.Documents;

public static class DocumentServiceCollectionExtensions
{
    /// <summary>Quality certification: settings, storage, services, the pending-check source and seeding.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<DocumentOptions, DocumentOptionsValidator>(configuration, DocumentOptions.Section);
        services.AddSingleton<DocumentStorage>();
        services.AddSingleton<DocumentChecklistService>();
        services.AddSingleton<DocumentFileService>();
        services.AddSingleton<DocumentQueueService>();
        services.AddSingleton<DocumentReviewService>();
        services.AddSingleton<DocumentCheckService>();
        services.AddSingleton<DocumentExpiryService>();
        services.AddSingleton<IPendingWorkSource, PendingDocumentCheckSource>();
        services.AddScoped<ISeedContributor, DocumentSeedContributor>();
        return services;
    }
}
