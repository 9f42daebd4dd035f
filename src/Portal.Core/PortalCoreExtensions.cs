using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Data.Interceptors;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Accounts.TwoFactor;
using Portal.Core.Features.AdminConfig;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Email;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Links;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Operations;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;
using Portal.Core.Features.Tiers;
using Portal.Core.Options;
using Portal.Core.Time;
using Portal.Core.Work;

namespace Portal.Core;

public static class PortalCoreExtensions
{
    /// <summary>The assembly that holds SQLite's migrations (one set per provider; see <see cref="DatabaseProviders"/>).</summary>
    public const string SqliteMigrationsAssembly = DatabaseProviders.SqliteMigrationsAssembly;

    /// <summary>The data-protection application name every host of the portal shares (keys are isolated by it).</summary>
    public const string DataProtectionApplicationName = "STEPS.Portal";

    /// <summary>Settings, clock, database, Identity stores, OpenIddict stores, e-mail and the domain services.</summary>
    public static IHostApplicationBuilder AddPortalCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddValidatedSettings<DatabaseOptions, DatabaseOptionsValidator>(configuration, DatabaseOptions.Section);
        services.AddValidatedSettings<EmailOptions, EmailOptionsValidator>(configuration, EmailOptions.Section);
        services.AddValidatedSettings<TierOptions, TierOptionsValidator>(configuration, TierOptions.Section);
        services.AddValidatedSettings<SeedOptions, SeedOptionsValidator>(configuration, SeedOptions.Section);
        services.AddValidatedSettings<ApplicationOptions, ApplicationOptionsValidator>(configuration, ApplicationOptions.Section);
        services.AddValidatedSettings<PortalOptions, PortalOptionsValidator>(configuration, PortalOptions.Section);
        services.AddSingleton<PublicLinks>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<ClockOptions>>(new ClockOptionsValidator(builder.Environment.IsDevelopment()));
        services.AddOptions<ClockOptions>().Bind(configuration.GetSection(ClockOptions.Section)).ValidateOnStart();
        services.AddSingleton(sp => new PortalClock(TimeProvider.System, sp.GetRequiredService<IOptions<ClockOptions>>().Value.Start));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<PortalClock>()));

        services.AddSingleton<TimestampInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<AuditChainInterceptor>();
        // Pooled: a page opens a context per read (6-28 of them), and a fresh context builds its own internal services
        // (state manager, loggers) each time; a pooled one is reset and reused. Identity, OpenIddict and the key ring
        // resolve the context from their scope (registered by this call too): one from the pool, returned when the
        // scope ends. Interceptors that keep state per context tie it to the context's lease (ContextId.Lease).
        services.AddPooledDbContextFactory<PortalDbContext>((sp, options) => ConfigureDatabase(sp, options));

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // One key ring in the database and one application name for every host (web and worker):
        // without them each host, and each restart on a fresh machine, signs everyone out.
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            // Authenticator codes on the portal's clock, each accepted once (replaces Identity's provider of that name).
            .AddTokenProvider<PortalAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.AddOpenIddict().AddCore(options => options.UseEntityFrameworkCore().UseDbContext<PortalDbContext>());

        services.AddValidatorsFromAssemblyContaining<PortalDbContext>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<AccountService>();
        services.AddScoped<TwoFactorService>();
        services.AddSingleton<BrandDirectory>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<IEmailTransport, MailKitEmailTransport>();
        services.AddSingleton<EmailDelivery>();
        services.AddSingleton<IPendingWorkSource, PendingEmailSource>();
        services.AddStreamsAndTrustCard();
        services.AddScoped<DatabaseSeeder>();
        services.AddSingleton<NewBrandService>();
        services.AddSingleton<ApplicationQueryService>();
        services.AddSingleton<ApplicationProfileService>();
        services.AddSingleton<ApplicationWorkflowService>();
        services.AddSingleton<MembershipService>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<ISeedContributor, ApplicationSeedContributor>();
        services.AddJourney();
        services.AddSingleton<Features.Home.BrandToDoQuery>();
        services.AddDocuments(configuration);
        services.AddMetrics(configuration);
        services.AddNotifications(configuration);
        services.AddAdminConfig();
        // Administrators' overrides (PortalSettings rows) win over the files; read through IOptionsMonitor.
        services.AddSettingsOverrides<TierOptions>(TierOptions.Section);
        services.AddSettingsOverrides<ApplicationOptions>(ApplicationOptions.Section);
        services.AddSettingsOverrides<DocumentOptions>(DocumentOptions.Section);
        services.AddOperations();
        services.AddPortfolio(configuration);
        services.AddScoped<ISeedContributor, DemoBrandFiguresSeeder>();
        // Last contributor: the portfolio's figures are evaluated once every other feature has seeded.
        services.AddScoped<ISeedContributor, DemoPortfolioSeeder>();
        services.AddProviders();
        services.AddProviderWork(configuration);
        services.AddAdministration();
        services.AddSingleton<DatabaseInitializer>();
        // First hosted service: the schema exists before jobs or requests touch it.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseInitializationService>());
        return builder;
    }

    private static void ConfigureDatabase(IServiceProvider services, DbContextOptionsBuilder options)
    {
        var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            options.UsePortalDatabase(DatabaseProvider.Postgres, settings.ConnectionString!);
        }
        else
        {
            var environment = services.GetRequiredService<IHostEnvironment>();
            var path = SettingsExtensions.ResolvePath(environment.ContentRootPath, settings.SqlitePath);
            options.UsePortalDatabase(DatabaseProvider.Sqlite, SqliteConnectionString(path));
            options.AddInterceptors(new SqlitePragmaInterceptor(settings.BusyTimeoutMs));
        }

        options.AddInterceptors(services.GetRequiredService<TimestampInterceptor>(),
            // After the timestamps, so an added record's audit shows its CreatedAt.
            services.GetRequiredService<AuditInterceptor>(),
            // Last: chains every audit entry the others added, inside the write transaction.
            services.GetRequiredService<AuditChainInterceptor>());
    }

    /// <summary>
    /// What every SQLite connection runs when it opens (<c>SqlitePragmaInterceptor</c>; the benchmarks' raw
    /// baselines too): WAL, a busy timeout, foreign keys, and a 32 MB page cache (the metrics tables
    /// outgrow the 2 MB default long before 100,000 brands).
    /// </summary>
    public static string SqlitePragmas(int busyTimeoutMs) =>
        $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;";

    /// <summary>The connection string for a SQLite file; shared pooled connections, foreign keys on.</summary>
    public static string SqliteConnectionString(string path) => DatabaseProviders.SqliteConnectionString(path);
}
