using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Portal.Core.Data;
using Portal.Core.Features.Live;

namespace Portal.Core.Features.AdminConfig;

/// <summary>The settings an administrator may override in the database, by their configuration keys.</summary>
public static class EditableSettings
{
    public const string KaMonthlyGmv = "Tiers:KaMonthlyGmv";
    public const string SkaMonthlyGmv = "Tiers:SkaMonthlyGmv";
    public const string DemotionMonths = "Tiers:DemotionMonths";
    public const string ApplicationReviewWorkingDays = "Applications:ReviewTargetWorkingDays";
    public const string DocumentReviewWorkingDays = "Documents:ReviewWorkingDays";

    public static readonly IReadOnlyList<string> Keys =
        [KaMonthlyGmv, SkaMonthlyGmv, DemotionMonths, ApplicationReviewWorkingDays, DocumentReviewWorkingDays];
}

/// <summary>
/// The administrators' setting overrides (<see cref="PortalSetting"/> rows) as the running app sees
/// them. Options registered with <see cref="SettingsOverrideExtensions.AddSettingsOverrides{TOptions}"/>
/// bind the configuration files first and these values on top; when the rows change the store signals
/// its change token, so <see cref="IOptionsMonitor{TOptions}.CurrentValue"/> is rebuilt at once, without
/// a restart. Reloaded after every admin save in this process and polled by
/// <see cref="SettingsOverrideRefresher"/> so other processes (the job worker) follow within the interval.
/// </summary>
public sealed class SettingsOverrideStore(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The live-update kind a process publishes after saving overrides: every process reloads.</summary>
    public const string LiveKind = "settings";

    private readonly Lock _lock = new();
    private IReadOnlyDictionary<string, string> _current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource _changed = new();

    /// <summary>The overrides now in force, by configuration key.</summary>
    public IReadOnlyDictionary<string, string> Current => _current;

    public IChangeToken GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Reads the rows again; when they differ from what is in force, applies them and tells the options monitors.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PortalSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase, cancellationToken);
        Apply(rows);
    }

    internal void Apply(IReadOnlyDictionary<string, string> values)
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            if (values.Count == _current.Count && values.All(v => _current.TryGetValue(v.Key, out var old) && old == v.Value))
            {
                return;
            }

            _current = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    /// <summary>Binds the overrides under <paramref name="section"/> onto <paramref name="options"/>.</summary>
    public void BindInto(string section, object options)
    {
        var prefix = section + ":";
        var values = _current.Where(v => v.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (values.Count == 0)
        {
            return;
        }

        new ConfigurationBuilder().AddInMemoryCollection(values!).Build().GetSection(section).Bind(options);
    }
}

internal sealed class SettingsOverridePostConfigure<TOptions>(SettingsOverrideStore store, string section) : IPostConfigureOptions<TOptions>
    where TOptions : class
{
    public void PostConfigure(string? name, TOptions options) => store.BindInto(section, options);
}

internal sealed class SettingsOverrideChangeTokenSource<TOptions>(SettingsOverrideStore store) : IOptionsChangeTokenSource<TOptions>
{
    public string? Name => Microsoft.Extensions.Options.Options.DefaultName;

    public IChangeToken GetChangeToken() => store.GetChangeToken();
}

/// <summary>
/// Loads the overrides when the host starts (after the database is migrated), reloads them as soon as another
/// process says it saved some (<see cref="SettingsOverrideStore.LiveKind"/> over <see cref="ILiveUpdates"/>), and
/// polls as a backstop for a word that was lost (a listener reconnecting).
/// </summary>
internal sealed class SettingsOverrideRefresher(SettingsOverrideStore store, ILiveUpdates live, ILogger<SettingsOverrideRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _saved = new(0);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the hosted services after this one (jobs, the web server) read any option.
        await store.ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listening = live.Listen(SettingsOverrideStore.LiveKind, _ => _saved.Release());
        try
        {
            while (true)
            {
                await _saved.WaitAsync(Interval, stoppingToken);
                try
                {
                    await store.ReloadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not reload the settings overrides; keeping the values in force.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

public static class SettingsOverrideExtensions
{
    /// <summary>The override store, its start-up load and poll, and the administration editors' services.</summary>
    public static IServiceCollection AddAdminConfig(this IServiceCollection services)
    {
        services.AddSingleton<SettingsOverrideStore>();
        services.AddHostedService<SettingsOverrideRefresher>();
        services.AddSingleton<SettingsAdminService>();
        services.AddSingleton<CategoryAdminService>();
        services.AddSingleton<RequirementRuleAdminService>();
        services.AddSingleton<AgencyAdminService>();
        services.AddSingleton<ReviewReasonAdminService>();
        services.AddSingleton<PlaybookTaskAdminService>();
        services.AddSingleton<MilestoneAdminService>();
        return services;
    }

    /// <summary>Lets the database overrides of <paramref name="section"/> win over the files for <typeparamref name="TOptions"/> and reload it when they change.</summary>
    public static IServiceCollection AddSettingsOverrides<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton<IPostConfigureOptions<TOptions>>(sp => new SettingsOverridePostConfigure<TOptions>(sp.GetRequiredService<SettingsOverrideStore>(), section));
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>, SettingsOverrideChangeTokenSource<TOptions>>();
        return services;
    }
}
