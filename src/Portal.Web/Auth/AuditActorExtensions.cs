using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Features.Audit;

namespace Portal.Web.Auth;

/// <summary>
/// Tells the audit trail who is acting (see <see cref="AuditScope"/>): the signed-in person of an
/// HTTP request, and of a Blazor circuit for every event it handles. Components save through
/// DbContexts from a factory, so the actor travels with the async flow, not with a DI scope.
/// </summary>
public static class AuditActorExtensions
{
    public static IServiceCollection AddAuditActor(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, AuditActorCircuitHandler>());
        return services;
    }

    /// <summary>After authentication: changes saved while handling the request are the signed-in person's.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using var _ = AuditScope.Begin(AuditActor.From(context.User));
            await next(context);
        });

    /// <summary>Wraps each inbound circuit activity (UI events, JS calls) in the circuit user's audit scope.</summary>
    private sealed class AuditActorCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler, IDisposable
    {
        private AuditActor _actor = AuditActor.System;

        public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            authentication.AuthenticationStateChanged += OnChanged;
            _actor = AuditActor.From((await authentication.GetAuthenticationStateAsync()).User);
        }

        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                using var _ = AuditScope.Begin(_actor);
                await next(context);
            };

        private async void OnChanged(Task<AuthenticationState> state)
        {
            try
            {
                _actor = AuditActor.From((await state).User);
            }
            catch (Exception) when (state.IsFaulted || state.IsCanceled)
            {
                _actor = AuditActor.System;
            }
        }

        public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
    }
}
