using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The real web host on a SQLite file of its own (and a mail pickup folder of its own), for
/// integration tests. Pass the same <see cref="TempDirectory"/> to a second factory to "restart" the app.
/// A host that would start on an empty file with the default seed starts on a copy of <see cref="DatabaseTemplate"/>.
/// With <c>PORTAL_TEST_ENGINE=Postgres</c> (<see cref="TestEngine"/>) every host runs on a PostgreSQL database of
/// its own instead, a copy of <see cref="PostgresTemplate"/> where the SQLite host would copy its template.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDirectory;
    private readonly string _environment;
    private readonly IDictionary<string, string?>? _settings;

    public PortalAppFactory(TempDirectory? directory = null, string environment = "Development", IDictionary<string, string?>? settings = null)
        : this(directory, environment, settings, useTemplate: true)
    {
    }

    internal PortalAppFactory(TempDirectory? directory, string environment, IDictionary<string, string?>? settings, bool useTemplate)
    {
        _ownsDirectory = directory is null;
        Directory = directory ?? new TempDirectory();
        _environment = environment;
        _settings = settings;
        if (TestEngine.IsPostgres && settings?.ContainsKey("Database:Provider") != true)
        {
            Postgres = DatabaseOf(Directory, useTemplate && DatabaseTemplate.Fits(environment, settings) ? settings ?? new Dictionary<string, string?>() : null);
            _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Database:Provider"] = "Postgres",
                ["Database:ConnectionString"] = Postgres.ConnectionString,
            };
        }
        else if (useTemplate && !File.Exists(DatabasePath) && DatabaseTemplate.Fits(environment, settings))
        {
            DatabaseTemplate.CopyTo(DatabasePath, settings);
        }
    }

    /// <summary>
    /// The PostgreSQL database of the host on <paramref name="directory"/> when the run's engine is PostgreSQL
    /// (<see cref="TestEngine"/>): the one a host on that directory had before (a restart), else a new one,
    /// copied from <see cref="PostgresTemplate"/> for a host with <paramref name="templateSettings"/> (null: a host
    /// whose settings do not fit the template). Dropped with the directory.
    /// </summary>
    private static PostgresDatabase DatabaseOf(TempDirectory directory, IDictionary<string, string?>? templateSettings)
    {
        var marker = directory.File("postgres-database.txt");
        if (File.Exists(marker))
        {
            return PostgresDatabase.Existing(File.ReadAllText(marker));
        }

        var database = (templateSettings is not null ? PostgresTemplate.CopyAsync(templateSettings) : PostgresDatabase.CreateAsync()).GetAwaiter().GetResult();
        File.WriteAllText(marker, database.Name);
        directory.OnDispose(() => database.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return database;
    }

    public TempDirectory Directory { get; }

    /// <summary>The PostgreSQL database the host runs on (<see cref="OnPostgres"/>), or null on SQLite.</summary>
    public PostgresDatabase? Postgres { get; private set; }

    private bool _ownsPostgres;

    /// <summary>
    /// The real web host on PostgreSQL (<c>PORTAL_TEST_POSTGRES</c>): on <paramref name="database"/> (a restart keeps
    /// it), or on a new database of its own, dropped with the host. Tests using it are <see cref="PostgresFactAttribute"/>s.
    /// </summary>
    public static PortalAppFactory OnPostgres(PostgresDatabase? database = null, IDictionary<string, string?>? settings = null, TempDirectory? directory = null)
    {
        var owns = database is null;
        database ??= PostgresDatabase.CreateAsync().GetAwaiter().GetResult();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
        };
        return new PortalAppFactory(directory, "Development", all, useTemplate: false) { Postgres = database, _ownsPostgres = owns };
    }

    public string DatabasePath => Directory.File("portal.db");

    private readonly StartRefusal _refusal = new();

    public string MailFolder => Directory.File("mail");

    /// <summary>Starts the app, which must refuse to start on a setting, and returns that setting's failure (<see cref="StartRefusal"/>).</summary>
    public Microsoft.Extensions.Options.OptionsValidationException RefusedStart() => _refusal.Of(() => CreateClient());

    /// <summary>Registrations added after the app's own (a test's probe around a framework service); rarely needed.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>
    /// PBKDF2 iterations of the passwords a test host hashes. Identity's default, 100,000 rounds of HMAC-SHA512, costs
    /// about 0.1 s of CPU a hash on CI's 2-core machine, and the suite hashes once for every account it creates and
    /// every sign-in: minutes of CPU a run, in a suite that is CPU-bound. The hash keeps Identity's V3 format, salt
    /// and code path; only its work factor is lower. The template databases are made by such a host, so their demo
    /// accounts are hashed so too.
    /// </summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>Hash passwords with the product's own work factor (Identity's default) instead of <see cref="TestPasswordIterations"/>.</summary>
    public bool ProductPasswordWork { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(_refusal.Watch);
        if (!ProductPasswordWork)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
        }

        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:SqlitePath", DatabasePath);
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Seed:DemoData", "true");
        // Tests count the demo's two brands; a test that wants the invented portfolio sets it again.
        builder.UseSetting("Seed:DemoBrandCount", "0");
        // Tests feed the demo brand figures of their own and count them; a test of the demo's figures sets it again.
        builder.UseSetting("Seed:DemoBrandFigures", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (_environment == "Development")
        {
            // The app refuses a clock start elsewhere; hosts of other environments must not depend on a date.
            builder.UseSetting("Clock:Start", TestClock.Start.ToString("O"));
        }
        // Every test client has the same (no) address; throttling tests set their own small limits.
        builder.UseSetting("RateLimiting:AccountPermitLimit", "100000");
        builder.UseSetting("RateLimiting:TokenPermitLimit", "100000");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a fresh DbContext of the app.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>The claims principal the app builds for the account with <paramref name="email"/>, as after sign-in.</summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Core.Features.Accounts.PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Portal.Core.Features.Accounts.PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        return await factory.CreateAsync(user);
    }

    /// <summary>The app's clock, to move time in tests.</summary>
    public Portal.Core.Time.PortalClock Clock => Services.GetRequiredService<Portal.Core.Time.PortalClock>();

    /// <summary>
    /// Waits until the e-mail has left the outbox (status Sent) and returns it; after <paramref name="timeout"/>
    /// (30 s by default: room for one of Hangfire's retries, 10 s after a failed attempt, on a loaded machine)
    /// returns it as it is, with its attempts and last error for the assertion's message.
    /// </summary>
    public async Task<OutgoingEmail> WaitForSentAsync(Guid emailId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var email = await WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == emailId));
            if (email.Status == EmailStatus.Sent)
            {
                return email;
            }

            if (DateTime.UtcNow > deadline)
            {
                return email;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>An app with nothing in it but what a test adds: no demo data, no job server.</summary>
    public static Dictionary<string, string?> EmptySettings() => new()
    {
        ["Seed:DemoData"] = "false",
        ["Jobs:RunServer"] = "false",
    };

    /// <summary>
    /// What a Production host needs to start: token certificates written to <paramref name="directory"/>
    /// and the public base URL (the test client's own host by default, which AllowedHosts then admits).
    /// </summary>
    public static Dictionary<string, string?> ProductionSettings(TempDirectory directory, string publicBaseUrl = "http://localhost") => new()
    {
        ["Auth:SigningCertificatePath"] = CreateCertificate(directory, "signing"),
        ["Auth:SigningCertificatePassword"] = "test",
        ["Auth:EncryptionCertificatePath"] = CreateCertificate(directory, "encryption"),
        ["Auth:EncryptionCertificatePassword"] = "test",
        ["Portal:PublicBaseUrl"] = publicBaseUrl,
    };

    /// <summary>Writes a self-signed PKCS#12 certificate for the token server's keys (Production tests).</summary>
    public static string CreateCertificate(TempDirectory directory, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = directory.File($"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "test"));
        return path;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Dispose();
        }

        if (_ownsPostgres && Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}
