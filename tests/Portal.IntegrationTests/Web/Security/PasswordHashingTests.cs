using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>
/// Passwords are stored in Identity's V3 format (PBKDF2 with HMAC-SHA512) at the product's work factor. Test hosts
/// lower only the work factor (<see cref="PortalAppFactory.TestPasswordIterations"/>), and an account hashed so
/// still signs in on the product's and is hashed again at its strength.
/// </summary>
public sealed class PasswordHashingTests
{
    private static readonly Dictionary<string, string?> NoJobServer = new() { ["Jobs:RunServer"] = "false" };

    /// <summary>The format marker (1 is V3) and the iteration count a V3 hash carries (bytes 5 to 8, big-endian).</summary>
    private static (byte Format, int Iterations) Read(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return (bytes[0], BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4)));
    }

    private static string Hash(PortalAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>().HashPassword(new PortalUser(), "correct horse battery staple");
    }

    [Fact]
    public async Task TheProduct_HashesPasswordsInTheV3Format_WithAtLeast100000Iterations()
    {
        await using var app = new PortalAppFactory(settings: NoJobServer) { ProductPasswordWork = true };

        var (format, iterations) = Read(Hash(app));

        format.ShouldBe((byte)0x01);
        iterations.ShouldBeGreaterThanOrEqualTo(100_000);
    }

    [Fact]
    public async Task ATestHost_HashesInTheSameFormat_WithTheTestWorkFactor()
    {
        await using var app = new PortalAppFactory(settings: NoJobServer);

        Read(Hash(app)).ShouldBe(((byte)0x01, PortalAppFactory.TestPasswordIterations));
    }

    [Fact]
    public async Task AnAccountHashedByATestHost_SignsInOnTheProductWorkFactor_AndIsHashedAgainAtIt()
    {
        // The host starts from the template, whose demo accounts a test host hashed.
        await using var app = new PortalAppFactory(settings: NoJobServer) { ProductPasswordWork = true };
        async Task<int> StoredIterationsAsync() => Read((await app.WithDbAsync(db =>
            db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoData.OperatorEmail))).PasswordHash!).Iterations;
        (await StoredIterationsAsync()).ShouldBe(PortalAppFactory.TestPasswordIterations);
        using var browser = new BrowserClient(app);

        (await browser.SignInAsync(DemoData.OperatorEmail)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StoredIterationsAsync()).ShouldBeGreaterThanOrEqualTo(100_000);
    }
}
