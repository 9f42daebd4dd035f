using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Seeding;
using Portal.Core.Options;
using Portal.Web.Components.Account;

namespace Portal.Web.Auth;

public static class PortalPolicies
{
    /// <summary>SKA operators and admins, signed in with the browser cookie.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Any machine client with a valid access token from this server.</summary>
    public const string ApiClient = nameof(ApiClient);

    public const string MetricsWrite = "scope:" + PortalScopes.MetricsWrite;

    public const string MetricsRead = "scope:" + PortalScopes.MetricsRead;

    /// <summary>Admins, signed in with the browser cookie.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>Any signed-in person, with the browser cookie only (an access token is not a person): the people's JSON API.</summary>
    public const string SignedIn = nameof(SignedIn);
}

public static class PortalAuthExtensions
{
    /// <summary>Identity cookies for people, OpenIddict's token server and token validation for machines, and the policies.</summary>
    public static IHostApplicationBuilder AddPortalAuth(this IHostApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        var validator = new AuthOptionsValidator(isDevelopment, builder.Environment.ContentRootPath);
        var settings = builder.Configuration.ReadValidated(AuthOptions.Section, validator);
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section));

        AddPeopleSignIn(builder.Services, settings, isDevelopment);
        AddTokenServer(builder.Services, settings, isDevelopment, builder.Environment.ContentRootPath);
        AddPolicies(builder.Services);
        return builder;
    }

    /// <summary>People: Identity's cookie with server-side sign-ins, re-checked as often as an open page is, and two-factor for staff.</summary>
    private static void AddPeopleSignIn(IServiceCollection services, AuthOptions settings, bool isDevelopment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        // The cookie re-checks the account as often as an open page does: a disabled person's
        // next request after the interval is signed out (the default would be 30 minutes).
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = settings.RevalidationInterval;
            // The re-checked principal is rebuilt from the account; keep its sign-in's key, so a page opened
            // on this very request still knows its server-side sign-in (ADR 0010).
            options.OnRefreshingPrincipal = context =>
            {
                DatabaseTicketStore.CarrySessionKey(context.CurrentPrincipal, context.NewPrincipal);
                return Task.CompletedTask;
            };
        });
        var requireConfirmedEmail = settings.RequireConfirmedEmail ?? !isDevelopment;
        services.Configure<IdentityOptions>(options => options.SignIn.RequireConfirmedEmail = requireConfirmedEmail);
        services.AddAuditActor();
        services.AddSingleton(new StaffTwoFactorRequirement(settings.RequireTwoFactorForStaff ?? !isDevelopment));

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole<Guid>), services).AddSignInManager();

        // Sign-ins live in the database; the cookie carries only their key, so signing out ends them (ADR 0010).
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);

        ConfigureSignInCookie(services);
    }

    /// <summary>The cookie's pages and name, the security stamp checked only when due, and 401/403 answers where a redirect makes no sense.</summary>
    private static void ConfigureSignInCookie(IServiceCollection services)
    {
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "portal.auth";
            options.SlidingExpiration = true;
            // Handlers are set on Identity's events object, not a new one: replacing it would drop
            // OnValidatePrincipal (the security stamp check), and a disabled person's cookie would
            // then stay valid until it expires.
            SecurityStampCheck.OnlyWhenDue(options.Events);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in person without the role gets a real 403 (rendered by the status page), not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Machines: OpenIddict's token server (client credentials) and the validation of its access tokens.</summary>
    private static void AddTokenServer(IServiceCollection services, AuthOptions settings, bool isDevelopment, string contentRoot)
    {
        services.AddOpenIddict()
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token");
                options.AllowClientCredentialsFlow();
                options.RegisterScopes([.. PortalScopes.All]);
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(settings.AccessTokenLifetimeMinutes));
                if (settings.HasCertificates)
                {
                    var root = contentRoot;
                    options.AddSigningCertificate(AuthOptionsValidator.Load(SettingsExtensions.ResolvePath(root, settings.SigningCertificatePath!), settings.SigningCertificatePassword));
                    options.AddEncryptionCertificate(AuthOptionsValidator.Load(SettingsExtensions.ResolvePath(root, settings.EncryptionCertificatePath!), settings.EncryptionCertificatePassword));
                }
                else
                {
                    options.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
                }

                var aspNetCore = options.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!(settings.RequireHttps ?? !isDevelopment))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                options.AnswerClientErrorsUniformly();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                // Every access token is checked against its stored entry, so revoking a client's
                // tokens (or deleting the client) stops them at once, not when they expire (ADR 0008).
                options.EnableTokenEntryValidation();
                // The Authorization header only: a token in a URL ends up in logs, histories and Referer headers.
                options.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });
    }

    /// <summary>Who may call what: people by role on the cookie, machines by scope on the access token.</summary>
    private static void AddPolicies(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Staff, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(PortalRoles.SkaOperator, PortalRoles.Admin))
            .AddPolicy(PortalPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(PortalRoles.Admin))
            .AddPolicy(PortalPolicies.SignedIn, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(PortalPolicies.ApiClient, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(PortalPolicies.MetricsWrite, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => OpenIddict.Abstractions.OpenIddictExtensions.HasScope(context.User, PortalScopes.MetricsWrite)))
            .AddPolicy(PortalPolicies.MetricsRead, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => OpenIddict.Abstractions.OpenIddictExtensions.HasScope(context.User, PortalScopes.MetricsRead)));
    }
}
