using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Portal.Web.Auth;

/// <summary>
/// The token endpoint answers an unknown client and a wrong secret alike: OpenIddict names the
/// cause in <c>error_description</c> and <c>error_uri</c> (ID2052 "the client_id is invalid",
/// ID2055 "the client credentials are invalid"), which tells a guesser which client ids exist.
/// </summary>
public static class UniformClientErrors
{
    public const string Description = "The client credentials are invalid.";

    public static OpenIddictServerBuilder AnswerClientErrorsUniformly(this OpenIddictServerBuilder options) =>
        options.AddEventHandler<ApplyTokenResponseContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.Response.Error == Errors.InvalidClient)
                {
                    context.Response.ErrorDescription = Description;
                    context.Response.ErrorUri = null;
                }

                return default;
            })
            // Before the ASP.NET Core host writes the response.
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom));
}
