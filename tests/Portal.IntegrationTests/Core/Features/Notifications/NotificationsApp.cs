using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Notifications;

/// <summary>One app (no Hangfire server: tests call the services and jobs themselves) shared by the notification tests.</summary>
public sealed class NotificationsApp : IAsyncLifetime
{
    private static int _counter;

    public NotificationsApp() => App = new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Documents:StoragePath"] = Path.Combine(Path.GetTempPath(), "portal-tests", "notify-" + Guid.NewGuid().ToString("N")),
    }) { TestServices = Reads.Install };

    public PortalAppFactory App { get; }

    /// <summary>Holds back the app's reads carrying a value, for tests of two saves that meet (<see cref="ReadGate"/>).</summary>
    public ReadGate Reads { get; } = new();

    public BrandCommentService Comments => App.Services.GetRequiredService<BrandCommentService>();

    public NotificationCentre Centre => App.Services.GetRequiredService<NotificationCentre>();

    public NotificationService Notifications => App.Services.GetRequiredService<NotificationService>();

    public MetricsNotificationService MetricsNotifications => App.Services.GetRequiredService<MetricsNotificationService>();

    public NotificationHub Hub => App.Services.GetRequiredService<NotificationHub>();

    public BrandCommentHub CommentHub => App.Services.GetRequiredService<BrandCommentHub>();

    public Task<ClaimsPrincipal> StaffAsync() => App.PrincipalAsync(DemoData.OperatorEmail);

    public Task<ClaimsPrincipal> AdminAsync() => App.PrincipalAsync(DemoData.AdminEmail);

    public Task<Guid> UserIdAsync(string email) => App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A new brand with a new owner (English); returns its code, id and the owner's e-mail.</summary>
    public async Task<(string Code, Guid BrandId, string OwnerEmail)> NewBrandAsync(string prefix = "notify")
    {
        var code = $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";
        var email = $"{code}@example.com";
        var id = await TestBrands.CreateWithOwnerAsync(App, code, email, nameEn: $"Brand {code}", nameZh: "测试品牌");
        return (code, id, email);
    }

    /// <summary>Adds a new member to the brand, speaking <paramref name="culture"/>; returns the member's e-mail.</summary>
    public async Task<string> AddMemberAsync(Guid brandId, string culture, string? email = null)
    {
        email ??= $"member-{Guid.NewGuid():N}@example.com";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = email, PreferredCulture = culture };
        (await users.CreateAsync(user, TestBrands.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, PortalRoles.BrandManager)).Succeeded.ShouldBeTrue();
        await App.WithDbAsync(async db =>
        {
            db.BrandMembers.Add(new BrandMember { BrandId = brandId, UserId = user.Id, Role = BrandMemberRole.Member });
            return await db.SaveChangesAsync();
        });
        return email;
    }

    /// <summary>A new SKA operator; returns the e-mail.</summary>
    public async Task<string> AddStaffAsync()
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Account Manager " + email[6..12], PreferredCulture = "en" };
        (await users.CreateAsync(user, TestBrands.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, PortalRoles.SkaOperator)).Succeeded.ShouldBeTrue();
        return email;
    }

    public async Task SetPreferenceAsync(string email, NotificationKind kind, NotificationChannel channel) =>
        (await Centre.SavePreferencesAsync(await App.PrincipalAsync(email), new Dictionary<NotificationKind, NotificationChannel> { [kind] = channel })).Succeeded.ShouldBeTrue();

    /// <summary>The in-app notifications of <paramref name="email"/> about <paramref name="brandId"/>.</summary>
    public async Task<List<Notification>> InboxAsync(string email, Guid? brandId = null)
    {
        var userId = await UserIdAsync(email);
        return await App.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId && (brandId == null || n.BrandId == brandId))
            .OrderBy(n => n.CreatedAt).ToListAsync());
    }

    /// <summary>The notification e-mails (or any kind) queued for <paramref name="email"/>.</summary>
    public Task<List<Portal.Core.Features.Email.OutgoingEmail>> MailAsync(string email) =>
        App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.To == email).OrderBy(e => e.CreatedAt).ToListAsync());

    public Task InitializeAsync()
    {
        _ = App.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
