using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Core.Options;

/// <summary>
/// Base for the portal's option validators: each failure names the setting as it is written in
/// appsettings.json or an environment variable (<c>Section:Key</c>), so a stopped app says what to fix.
/// </summary>
public abstract class SettingsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        Check(options, (setting, problem) => failures.Add($"Setting '{setting}' {problem}"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Calls <paramref name="fail"/> with the setting's full name and what is wrong with it.</summary>
    protected abstract void Check(TOptions options, Action<string, string> fail);
}

public static class SettingsExtensions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validates it with <typeparamref name="TValidator"/>, and checks it when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedSettings<TOptions, TValidator>(
        this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>Reads and validates settings now, before the host is built, throwing with the settings' names.</summary>
    public static TOptions ReadValidated<TOptions>(this Microsoft.Extensions.Configuration.IConfiguration configuration, string section, IValidateOptions<TOptions> validator)
        where TOptions : class, new()
    {
        var options = configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        var result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(section, typeof(TOptions), result.Failures ?? [result.FailureMessage]);
        }

        return options;
    }

    /// <summary>Resolves a configured path against the content root unless it is absolute.</summary>
    public static string ResolvePath(string contentRoot, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
}
