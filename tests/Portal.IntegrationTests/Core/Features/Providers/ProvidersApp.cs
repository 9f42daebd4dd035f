using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Email;
using Portal.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// One host for a class of provider tests (SQLite or PostgreSQL as the run chooses). Each test makes its own providers
/// and people with unique codes and addresses, so the tests do not see each other's rows; the demo providers stay as seeded.
/// </summary>
public sealed partial class ProvidersApp : IAsyncLifetime
{
    private static int _counter;

    public ProvidersApp() => App = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }) { TestServices = Reads.Install };

    /// <summary>Holds back the app's reads carrying a value, for tests of two people acting at once (<see cref="ReadGate"/>).</summary>
    public ReadGate Reads { get; } = new();

    public PortalAppFactory App { get; }

    public ProviderRegistration Registration => App.Services.GetRequiredService<ProviderRegistration>();

    public ProviderDecisions Decisions => App.Services.GetRequiredService<ProviderDecisions>();

    public ProviderDirectory Directory => App.Services.GetRequiredService<ProviderDirectory>();

    public ProviderPeople People => App.Services.GetRequiredService<ProviderPeople>();

    public Task<ClaimsPrincipal> PrincipalAsync(string email) => App.PrincipalAsync(email);

    /// <summary>A code (and address stem) no other test uses.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A complete, valid form for <paramref name="code"/>.</summary>
    public static ProviderForm Form(string code) => new()
    {
        Code = code, NameZh = "测试服务商", NameEn = $"Provider {code}", CompanyName = "测试电子商务有限公司",
        Capabilities = ProviderCapability.LiveOperations | ProviderCapability.SupplyChain,
        ContactName = "张三", ContactEmail = $"{code}@example.com", ContactPhone = "+86 10 1234 5678",
    };

    /// <summary>A new account (brand-manager role, password <see cref="TestBrands.Password"/>); returns its e-mail.</summary>
    public async Task<string> NewPersonAsync(string prefix = "person")
    {
        var email = $"{Unique(prefix)}@example.com";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true, PreferredCulture = "en" };
        (await users.CreateAsync(user, TestBrands.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, PortalRoles.BrandManager)).Succeeded.ShouldBeTrue();
        return email;
    }

    /// <summary>A person who applied for a new provider; returns its code and the applicant's e-mail.</summary>
    public async Task<(string Code, string ManagerEmail)> AppliedAsync()
    {
        var email = await NewPersonAsync("applicant");
        var code = Unique("applied");
        var outcome = await Registration.ApplyAsync(await PrincipalAsync(email), Form(code));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        return (code, email);
    }

    /// <summary>An approved provider with one manager; returns its code and the manager's e-mail.</summary>
    public async Task<(string Code, string ManagerEmail)> ActiveAsync()
    {
        var (code, manager) = await AppliedAsync();
        (await Decisions.DecideAsync(await PrincipalAsync(Portal.Core.Features.Seeding.DemoData.OperatorEmail), code, ProviderDecision.Approve, null)).Succeeded.ShouldBeTrue();
        return (code, manager);
    }

    /// <summary>The manager invites <paramref name="email"/>; returns the token from the e-mail's link.</summary>
    public async Task<string> InviteAsync(string managerEmail, string email, ProviderRole role = ProviderRole.Operator)
    {
        var outcome = await People.InviteAsync(await PrincipalAsync(managerEmail), email, role);
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var message = await App.WithDbAsync(db => db.OutgoingEmails.Where(e => e.Kind == EmailKind.Invitation && e.To == email).OrderBy(e => e.CreatedAt).LastAsync());
        return Link().Match(message.TextBody).Groups[1].Value;
    }

    /// <summary>Runs <paramref name="work"/> with the scoped acceptance service, as one request would.</summary>
    public async Task<T> AcceptanceAsync<T>(Func<ProviderInvitationAcceptance, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProviderInvitationAcceptance>());
    }

    /// <summary>A new brand with an owner of its own that delegates <paramref name="areas"/> to the provider from today.</summary>
    public async Task<ServedBrand> ServedBrandAsync(string providerCode, DelegatedArea areas = DelegatedArea.StreamPlans)
    {
        var providerId = await App.WithDbAsync(db => db.Providers.Where(p => p.Code == providerCode).Select(p => p.Id).SingleAsync());
        var code = $"sb-{Guid.NewGuid():N}"[..20];
        var owner = $"{code}@example.com";
        var id = await TestBrands.CreateWithOwnerAsync(App, code, owner, code, "测试品牌");
        var granted = await App.Services.GetRequiredService<BrandDelegationService>().GrantAsync(
            await PrincipalAsync(owner), code, new GrantDelegationRequest(providerId, areas, Portal.Core.PlatformTime.DayOf(App.Clock.GetUtcNow()), null));
        granted.Errors.ShouldBeEmpty();
        return new ServedBrand(id, code, owner);
    }

    public Task<Guid> UserIdAsync(string email) => App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public async Task<bool> HasProviderRoleAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, PortalRoles.Provider);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();

    [GeneratedRegex(@"/provider-invitations/([A-Za-z0-9_\-%]+)")]
    private static partial Regex Link();
}

/// <summary>A brand a provider serves in a test, and its owner's address.</summary>
public sealed record ServedBrand(Guid Id, string Code, string OwnerEmail);
