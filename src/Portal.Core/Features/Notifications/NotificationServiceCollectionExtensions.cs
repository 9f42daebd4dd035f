using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Live;
using Portal.Core.Options;

namespace Portal.Core.Features.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The notification centre (fan-out, live hub, inbox), the metrics catch-up and brand comments (with their live hub).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<NotificationOptions, NotificationOptionsValidator>(configuration, NotificationOptions.Section);
        services.AddLiveUpdates(configuration);
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NotificationCentre>();
        services.AddSingleton<MetricsNotificationService>();
        services.AddSingleton<BrandCommentHub>();
        services.AddSingleton<BrandCommentService>();
        return services;
    }
}
