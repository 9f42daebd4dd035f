using Microsoft.Extensions.Hosting;

namespace Portal.Core.Data;

/// <summary>Migrates and seeds before any other hosted service (jobs, the web server) starts.</summary>
internal sealed class DatabaseInitializationService(DatabaseInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
