using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Core.Localization;

namespace Portal.Testing;

/// <summary>
/// The shared bUnit context: loose JS interop, MudBlazor services without transitions, the real
/// resx localization, and a chosen UI culture (restored on dispose).
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    private readonly IDisposable _culture;

    // Many components here read a real host's database: bUnit's one second is short for a loaded machine or a
    // PostgreSQL server (scripts/test.sh runs them on both). A wait that succeeds returns as soon as it does.
    static PortalTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected PortalTestContext(string culture = PortalCultures.English)
    {
        _culture = PortalCultures.Use(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        // The layout's per-scope brand list, as the app registers it (resolved only where a test registers BrandDirectory).
        Services.AddScoped<Portal.Web.Components.Layout.LayoutBrands>();
    }

    /// <summary>Switches the UI culture, as the culture cookie does on the next page load.</summary>
    protected static void UseCulture(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    /// <summary>
    /// Signs <paramref name="user"/> (a principal of the real app, as <c>PortalAppFactory.PrincipalAsync</c> builds it) in for the
    /// components rendered next, with <paramref name="roles"/> and the user id the services read.
    /// </summary>
    protected void SignInAs(System.Security.Claims.ClaimsPrincipal user, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user.Identity?.Name ?? "someone");
        auth.SetRoles(roles);
        auth.SetClaims(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!);
    }

    /// <summary>
    /// Types <paramref name="text"/> into the input <paramref name="selector"/> finds, as a person's keystrokes reach it:
    /// a key press, then the input. A MudBlazor field with a debounce takes the key press as "focused"; without it, a render
    /// of its parent in the moment the debounce fires (a page still loading) puts the field's old value back and drops
    /// the text (seen on PostgreSQL: the admin audit log's actor filter, typed while the page was loading).
    /// </summary>
    protected static async Task TypeAsync(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string selector, string text)
    {
        await page.InvokeAsync(() => page.Find(selector).KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = text[..1] }));
        await page.InvokeAsync(() => page.Find(selector).Input(text));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously; xunit 2 awaits this before Dispose (then a no-op).
    async Task IAsyncLifetime.DisposeAsync()
    {
        _culture.Dispose();
        await base.DisposeAsync();
    }
}
