using Microsoft.Extensions.Hosting;
using Portal.Core;
using Serilog;

namespace Portal.Jobs;

/// <summary>
/// A worker host without the web UI: migrates, re-enqueues pending work from the database and runs
/// Hangfire's workers. <c>dotnet run --project src/Portal.Jobs</c>.
/// </summary>
public static class WorkerProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddSharedSettings();
        builder.AddPortalLogging();
        builder.AddPortalTelemetry("portal-jobs");
        builder.AddPortalCore();
        builder.AddPortalJobs();
        try
        {
            await builder.Build().RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Fatal(ex, "The worker stopped");
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
