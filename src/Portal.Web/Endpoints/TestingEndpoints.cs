using Portal.Core.Data;
using Portal.Core.Time;

namespace Portal.Web.Endpoints;

/// <summary>
/// Development-only hooks for end-to-end suites (docs/TESTING.md): wipe and re-seed the demo data,
/// and move the app's clock. They are not mapped at all in any other environment (404).
/// </summary>
public static class TestingEndpoints
{
    public sealed record ClockRequest(DateTimeOffset? Now);

    public sealed record ClockResponse(DateTimeOffset Now, bool Adjusted);

    public static IEndpointRouteBuilder MapTestingEndpoints(this IEndpointRouteBuilder app)
    {
        var testing = app.MapGroup("/testing").ExcludeFromDescription();

        testing.MapPost("/reset", async (DatabaseInitializer initializer, CancellationToken cancellationToken) =>
        {
            await initializer.ResetAsync(cancellationToken);
            return TypedResults.NoContent();
        });

        testing.MapGet("/clock", (PortalClock clock) => TypedResults.Ok(new ClockResponse(clock.GetUtcNow(), clock.IsAdjusted)));

        testing.MapPost("/clock", IResult (ClockRequest? request, PortalClock clock) =>
        {
            if (request?.Now is not { } now)
            {
                return TypedResults.Problem(
                    title: "Missing 'now'",
                    detail: "Send {\"now\": \"<ISO 8601 instant>\"}, for example {\"now\": \"2026-12-01T09:00:00+08:00\"}.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            clock.MoveTo(now);
            return TypedResults.Ok(new ClockResponse(clock.GetUtcNow(), clock.IsAdjusted));
        });

        testing.MapDelete("/clock", (PortalClock clock) =>
        {
            clock.Reset();
            return TypedResults.Ok(new ClockResponse(clock.GetUtcNow(), clock.IsAdjusted));
        });

        return app;
    }
}
