using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Email;
using Portal.Core.Localization;
using Portal.Jobs.Email.Templates;

namespace Portal.Jobs.Email;

/// <summary>Renders <see cref="PortalEmail"/> with Blazor's HtmlRenderer, in the e-mail's own language.</summary>
internal sealed class RazorEmailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory) : IEmailHtmlRenderer
{
    public async Task<string> RenderAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        // A scope per e-mail, as a request has: the web host registers Blazor's services as scoped.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            using var _ = PortalCultures.Use(email.Culture);
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(PortalEmail.Email)] = email });
            var output = await renderer.RenderComponentAsync<PortalEmail>(parameters);
            return output.ToHtmlString();
        });
    }
}
