using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Portal.Core;
using Portal.Core.Features.Comments;
using Portal.Web.Auth;

namespace Portal.Web.Endpoints;

/// <summary>
/// A brand's comment thread as JSON, for signed-in people (the browser's sign-in cookie, not an access token):
/// <c>GET /api/brands/{code}/comments</c>, <c>GET /api/brands/{code}/comments/{id}</c> and
/// <c>POST /api/brands/{code}/comments</c>. <see cref="BrandCommentService"/> decides everything (who may read,
/// what they see, what they may write); this class only translates. A brand member's answer is built from a
/// thread that never held an internal note and has no internal-notes field at all.
/// POSTs are JSON only; with the cookie's SameSite=Lax that is the cross-site defence (ADR 0009).
/// </summary>
public static class CommentEndpoints
{
    /// <summary>The largest request body a POST may have (a comment is at most <see cref="BrandCommentService.MaxBodyLength"/> characters).</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>A brand's thread. <see cref="InternalNotes"/> is there for staff only; for anyone else the field is absent.</summary>
    public sealed record CommentThreadResponse(string Brand, IReadOnlyList<CommentResponse> Comments)
    {
        // A property, not a constructor parameter, so the OpenAPI schema does not list it as required.
        [Description("Staff only: the internal notes, with their replies. Absent for a brand member.")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<CommentResponse>? InternalNotes { get; init; }
    }

    /// <summary>
    /// One comment with its replies (one level). <see cref="Internal"/> is given to staff only; a brand member only
    /// ever receives public comments, so the field is absent for them.
    /// </summary>
    public sealed record CommentResponse(
        Guid Id,
        Guid? ParentId,
        string Author,
        bool ByStaff,
        string Text,
        DateTimeOffset CreatedAt,
        IReadOnlyList<string> Mentions,
        IReadOnlyList<CommentResponse> Replies)
    {
        [Description("Staff only: whether this is an internal note (or a reply to one). Absent for a brand member.")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Internal { get; init; }
    }

    /// <summary>
    /// What to post: the text, the comment replied to (a reply takes its parent's visibility), whether it is an internal
    /// note (staff only), and the staff to mention (staff only; user ids).
    /// </summary>
    public sealed record PostCommentRequest(string? Text, Guid? ParentId = null, bool Internal = false, IReadOnlyList<Guid>? Mentions = null);

    public static IEndpointRouteBuilder MapCommentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brands/{code}/comments")
            .RequireAuthorization(PortalPolicies.SignedIn)
            .WithTags("Comments")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", GetThreadAsync)
            .Produces<CommentThreadResponse>()
            .WithName("GetBrandComments")
            .WithSummary("A brand's comment thread, as the caller may see it")
            .WithDescription("For the brand's members, a service provider's people while the brand's delegation of Messages to their provider runs, and SKA staff, signed in with the portal's cookie. Members and provider people get the public thread only, with no internalNotes field and no internal flag; staff also get internalNotes. Anyone else (including a provider whose delegation has ended or been revoked) gets 404, as for a brand that does not exist; without a sign-in 401.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = JsonNode.Parse("""
                        {"brand":"demo-tea","comments":[{"id":"01970000-0000-7000-8000-000000000001","parentId":null,"author":"SKA Operator","byStaff":true,"internal":false,
                          "text":"Please plan your first stream.","createdAt":"2026-11-20T02:00:00+00:00","mentions":[],"replies":[
                          {"id":"01970000-0000-7000-8000-000000000002","parentId":"01970000-0000-7000-8000-000000000001","author":"Brand Manager","byStaff":false,"internal":false,
                           "text":"Next Friday.","createdAt":"2026-11-20T03:00:00+00:00","mentions":[],"replies":[]}]}],
                         "internalNotes":[]}
                        """);
                }

                return Task.CompletedTask;
            });

        group.MapGet("/{id:guid}", GetOneAsync)
            .Produces<CommentResponse>()
            .WithName("GetBrandComment")
            .WithSummary("One comment of a brand's thread, with its replies")
            .WithDescription("404 for a comment the caller may not see (an internal note, for a brand member), as for one that does not exist.");

        // The request body is described by a transformer, not .Accepts<T>(): accepts metadata makes routing skip this
        // endpoint for other content types (the catch-all would answer 404), and the handler's own 415 is clearer.
        group.MapPost("/", PostAsync)
            .Produces<CommentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("PostBrandComment")
            .WithSummary("Post a comment, a reply or (staff) an internal note")
            .WithDescription("JSON only (415 otherwise). 201 with the comment and its Location. A refusal (empty or too long text, unknown parent, a member asking for an internal note or a mention, an internal note under a public comment) is a 400 problem whose 'errors' list the reasons in the request's language; nothing is written. Notifications go out as on the page.")
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new()
                        {
                            Schema = await context.GetOrCreateSchemaAsync(typeof(PostCommentRequest), cancellationToken: cancellationToken),
                            Example = JsonNode.Parse("""{"text":"Can you check the licence?","parentId":null,"internal":true,"mentions":["01970000-0000-7000-8000-0000000000aa"]}"""),
                        },
                    },
                };

                if (operation.Responses?.TryGetValue("400", out var invalid) == true && invalid.Content?.TryGetValue("application/problem+json", out var problem) == true)
                {
                    problem.Example = JsonNode.Parse("""
                        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The comment was not posted.","status":400,
                         "detail":"Only SKA staff can write internal notes.","errors":["Only SKA staff can write internal notes."]}
                        """);
                }
            });
        return app;
    }

    private static async Task<IResult> GetThreadAsync(
        string code, HttpContext http, BrandCommentService comments, IStringLocalizer<CommentApiStrings> strings, CancellationToken cancellationToken)
    {
        if (await comments.ThreadAsync(http.User, code, cancellationToken) is not { } thread)
        {
            return NotFound(strings["CommentsApi_BrandNotFound"]);
        }

        NoStore(http);
        return TypedResults.Ok(ToResponse(thread));
    }

    private static async Task<IResult> GetOneAsync(
        string code, Guid id, HttpContext http, BrandCommentService comments, IStringLocalizer<CommentApiStrings> strings, CancellationToken cancellationToken)
    {
        if (await comments.ThreadAsync(http.User, code, cancellationToken) is not { } thread)
        {
            return NotFound(strings["CommentsApi_BrandNotFound"]);
        }

        if (Find(ToResponse(thread), id) is not { } comment)
        {
            return NotFound(strings["CommentsApi_CommentNotFound"]);
        }

        NoStore(http);
        return TypedResults.Ok(comment);
    }

    private static async Task<IResult> PostAsync(
        string code, HttpContext http, BrandCommentService comments, IStringLocalizer<CommentApiStrings> strings, CancellationToken cancellationToken)
    {
        // JSON only, checked before anything is read: a cross-site form or no-cors fetch cannot send this type
        // without a CORS preflight, which the portal does not answer (ADR 0009).
        if (!http.Request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, strings["CommentsApi_JsonOnly"]);
        }

        if (http.Request.ContentLength > MaxRequestBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, strings["CommentsApi_BodyTooLarge", MaxRequestBytes]);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxRequestBytes;
        }

        PostCommentRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<PostCommentRequest>(cancellationToken);
        }
        catch (JsonException)
        {
            request = null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, strings["CommentsApi_BodyTooLarge", MaxRequestBytes]);
        }

        if (request is null)
        {
            return Problem(StatusCodes.Status400BadRequest, strings["CommentsApi_BodyUnreadable"]);
        }

        var outcome = await comments.PostAsync(http.User, code, new NewComment(request.Text ?? "", request.ParentId, request.Internal, request.Mentions), cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound(strings["CommentsApi_BrandNotFound"]);
        }

        if (!outcome.Succeeded)
        {
            return Problem(StatusCodes.Status400BadRequest, strings["CommentsApi_Refused"], outcome.Errors);
        }

        var created = await comments.ThreadAsync(http.User, code, cancellationToken) is { } thread ? Find(ToResponse(thread), outcome.Value) : null;
        return TypedResults.Created($"/api/brands/{Uri.EscapeDataString(code)}/comments/{outcome.Value}", created);
    }

    /// <summary>The thread as the API shows it: internal notes and the internal flag only when the service says the reader is staff.</summary>
    private static CommentThreadResponse ToResponse(CommentThread thread)
    {
        var staff = thread.ViewerIsStaff;
        return new CommentThreadResponse(thread.BrandCode, thread.Public.Select(c => ToResponse(c, null, staff)).ToList())
        {
            InternalNotes = staff ? thread.InternalNotes.Select(c => ToResponse(c, null, staff)).ToList() : null,
        };
    }

    private static CommentResponse ToResponse(CommentView comment, Guid? parentId, bool staff) =>
        new(comment.Id, parentId, comment.AuthorName, comment.ByStaff, comment.Body, comment.CreatedAt, comment.Mentions,
            comment.Replies.Select(r => ToResponse(r, comment.Id, staff)).ToList())
        {
            Internal = staff ? comment.IsInternal : null,
        };

    private static CommentResponse? Find(CommentThreadResponse thread, Guid? id) =>
        thread.Comments.Concat(thread.InternalNotes ?? [])
            .SelectMany(c => c.Replies.Prepend(c))
            .FirstOrDefault(c => c.Id == id);

    private static void NoStore(HttpContext http) => http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";

    private static ProblemHttpResult NotFound(string title) => Problem(StatusCodes.Status404NotFound, title);

    private static ProblemHttpResult Problem(int status, string title, IReadOnlyList<string>? errors = null) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: errors is { Count: > 0 } ? string.Join(" ", errors) : null,
            extensions: errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null);
}
