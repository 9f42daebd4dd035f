using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.AdminConfig;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.AdminConfig;

/// <summary>One app (no job server) for a test class of the administration editors.</summary>
public sealed class AdminConfigFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

internal static class AdminConfigTestApp
{
    public const string Admin = "admin@demo.test";
    public const string Operator = "ska@demo.test";
    public const string BrandManager = "brand@demo.test";

    public static T Service<T>(this PortalAppFactory app) where T : notnull => app.Services.GetRequiredService<T>();

    public static Task<ClaimsPrincipal> AdminAsync(this PortalAppFactory app) => app.PrincipalAsync(Admin);

    /// <summary>Changes the overridable settings as an administrator would on the settings page.</summary>
    public static async Task ChangeSettingsAsync(this PortalAppFactory app, Action<SettingsForm> change)
    {
        var admin = await app.AdminAsync();
        var settings = app.Service<SettingsAdminService>();
        var form = (await settings.GetAsync(admin)).ShouldNotBeNull().Current;
        change(form);
        var outcome = await settings.SaveAsync(admin, form);
        outcome.Errors.ShouldBeEmpty();
    }

    /// <summary>Puts every setting back to the configuration files' defaults (removes the overrides).</summary>
    public static async Task ResetSettingsAsync(this PortalAppFactory app)
    {
        var admin = await app.AdminAsync();
        var view = (await app.Service<SettingsAdminService>().GetAsync(admin)).ShouldNotBeNull();
        var form = view.Defaults;
        form.Stamp = view.Current.Stamp;
        (await app.Service<SettingsAdminService>().SaveAsync(admin, form)).Errors.ShouldBeEmpty();
    }
}
