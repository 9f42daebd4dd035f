using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Portal.Core;

public static class PortalConfiguration
{
    /// <summary>
    /// Loads the repository's shared appsettings.json (linked into every host's output folder) underneath
    /// everything else, so environment variables and the command line still override it. Needed
    /// because <c>dotnet run --project src/Portal.Web</c> makes that folder the content root.
    /// </summary>
    public static IHostApplicationBuilder AddSharedSettings(this IHostApplicationBuilder builder)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The shared settings file is missing from the build output: {file}");
        }

        var source = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
        };
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }
}
