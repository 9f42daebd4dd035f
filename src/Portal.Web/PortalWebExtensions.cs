using System.Globalization;
using FluentValidation;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Portal.Core.Data;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Web.Components;
using Portal.Web.Components.Pages;
using Portal.Web.Endpoints;
using Portal.Web.Components.Layout;
using Portal.Web.Infrastructure;
using Portal.Web.Localization;
using Serilog;

namespace Portal.Web;

public static class PortalWebExtensions
{
    /// <summary>Blazor (Interactive Server) with MudBlazor, localization, problem details and health checks.</summary>
    public static IHostApplicationBuilder AddPortalWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddPortalCircuits(builder.Configuration);
        services.AddMudServices();
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.AddTransient<Portal.Web.Components.Pages.Admin.AuditWords>();
        services.AddScoped<Portal.Web.Components.Layout.LayoutBrands>();
        services.AddHttpContextAccessor();
        // Chinese text goes out as text, not as &#x...; entities three times its size.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddValidatorsFromAssemblyContaining<UiStrings>(ServiceLifetime.Singleton);

        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = PortalCultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Query string, then the cookie the language switch sets, then the browser's languages,
            // where any Chinese (zh, zh-Hans, zh-TW...) means the portal's zh-CN.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context => Task.FromResult(FromAcceptLanguage(context))),
            ];
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
            Problems.LocalizeStatusTitle(context);
        });

        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        builder.AddPortalOpenApi();
        builder.AddPublicHostFiltering();
        builder.AddPortalRateLimiting();
        builder.AddPortalTransport();
        builder.AddNotFoundRouting();
        return builder;
    }

    /// <summary>The request pipeline and every endpoint, in order.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalTransport();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging();

        // Unexpected errors: browsers get the /Error page, machines problem details; both carry the correlation id.
        app.UseWhen(
            context => IsMachinePath(context.Request.Path),
            api => api.UseExceptionHandler());
        app.UseWhen(
            context => !IsMachinePath(context.Request.Path),
            web => web.UseExceptionHandler("/Error", createScopeForErrors: true));

        // Browsers get a real page for 403/404; the API and the token endpoint answer problem details.
        app.UseWhen(
            context => IsMachinePath(context.Request.Path),
            api => api.UseStatusCodePages());
        app.UseWhen(
            context => !IsMachinePath(context.Request.Path),
            web => web.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));

        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UsePerAddressRateLimiting();

        // Routing after the error handlers, so their re-executed requests (/Error, /status/403) are routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseStaffTwoFactor();
        app.UseAuthorization();
        app.UseAuditActor();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapThemeStyles();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapConnectEndpoints();
        app.MapApiV1();
        app.MapCommentEndpoints();
        app.MapApiDocs();
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapDocumentEndpoints();
        app.MapPortfolioEndpoints();
        app.MapAdminEndpoints();
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new StaffDashboardAuthorization()],
            DashboardTitle = "STEPS Portal jobs",
            AppPath = "/",
        }).RequireAuthorization(PortalPolicies.Staff);

        if (app.Environment.IsDevelopment())
        {
            app.MapTestingEndpoints();
        }

        // Any method: a re-executed request keeps the method of the request that failed.
        app.MapMethods("/status/{code:int}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], FramedStatusPages.Page)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        // Blazor's own header (frame-ancestors 'self') would stand in for the whole policy of SecurityHeaders.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

        return app;
    }

    /// <summary>Writes where the portal listens and, with demo data, who can sign in.</summary>
    public static WebApplication AnnounceWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILogger<App>>();
            var urls = string.Join(", ", app.Urls);
            logger.LogInformation("STEPS brand portal is running at {Urls} ({Environment})", urls, app.Environment.EnvironmentName);
            using var scope = app.Services.CreateScope();
            if (scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().DemoDataEnabled)
            {
                var password = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value.DemoPassword;
                logger.LogInformation(
                    "Sign in at {Url}/Account/Login as {Brand} (brand manager), {Operator} (SKA operator), {Admin} (admin) or {Provider} (service provider), password {Password}",
                    app.Urls.FirstOrDefault()?.TrimEnd('/'), DemoData.BrandManagerEmail, DemoData.OperatorEmail, DemoData.AdminEmail, DemoData.ProviderManagerEmail, password);
            }
        });
        return app;
    }

    private static ProviderCultureResult? FromAcceptLanguage(HttpContext context)
    {
        var languages = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "");
        foreach (var language in languages)
        {
            if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return new ProviderCultureResult(PortalCultures.Normalize(language));
            }
        }

        return null;
    }

    private static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/testing") || path.StartsWithSegments("/health");

    /// <summary>Second line of defence behind the endpoint's Staff policy.</summary>
    private sealed class StaffDashboardAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(Core.Features.Accounts.PortalRoles.SkaOperator) || user.IsInRole(Core.Features.Accounts.PortalRoles.Admin);
        }
    }
}
