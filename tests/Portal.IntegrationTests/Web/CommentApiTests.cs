using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Notifications;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>
/// <c>/api/brands/{code}/comments</c> over HTTP with the browser's sign-in cookie, on real SQLite: internal notes
/// never reach a brand (API and page), who may write what, who is told, and how refusals read.
/// </summary>
public sealed class CommentApiTests(NotificationsApp fixture) : IClassFixture<NotificationsApp>
{
    private static string Api(string code) => $"/api/brands/{code}/comments";

    private async Task<BrowserClient> SignedInAsync(string email)
    {
        var browser = new BrowserClient(fixture.App);
        (await browser.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private static Task<HttpResponseMessage> PostAsync(BrowserClient browser, string code, object body) =>
        browser.Http.PostAsJsonAsync(Api(code), body);

    private static async Task<Guid> PostOkAsync(BrowserClient browser, string code, object body)
    {
        var response = await PostAsync(browser, code, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<int> CountAsync(Guid brandId) => fixture.App.WithDbAsync(db => db.BrandComments.CountAsync(c => c.BrandId == brandId));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    private static List<string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>
    /// A thread where staff's internal notes talk about the public thread: a note quoting the brand's question with a
    /// mention, a staff reply under the note, and a second note. Returns the public and the internal texts.
    /// </summary>
    private async Task<(string[] Public, string[] Internal, Guid NoteId, Guid QuestionId)> ThreadWithNotesAsync(string code, string owner)
    {
        var adminId = await fixture.UserIdAsync(DemoData.AdminEmail);
        using var brand = await SignedInAsync(owner);
        using var staff = await SignedInAsync(DemoData.OperatorEmail);
        const string question = "PUBLIC-QUESTION when can we stream?";
        const string answer = "PUBLIC-ANSWER next Friday works";
        const string note = "SECRET-NOTE about PUBLIC-QUESTION: their trademark looks forged";
        const string noteReply = "SECRET-REPLY agreed, hold the review";
        const string second = "SECRET-SECOND do not tell the brand yet";

        var questionId = await PostOkAsync(brand, code, new { text = question });
        await PostOkAsync(staff, code, new { text = answer, parentId = questionId });
        var noteId = await PostOkAsync(staff, code, new { text = note, @internal = true, mentions = new[] { adminId } });
        await PostOkAsync(staff, code, new { text = noteReply, parentId = noteId, @internal = true });
        await PostOkAsync(staff, code, new { text = second, @internal = true });
        return ([question, answer], [note, noteReply, second], noteId, questionId);
    }

    [Fact]
    public async Task Get_AsBrandMember_CarriesThePublicThread_AndNothingOfTheInternalNotes()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("api-member");
        var (publicTexts, internalTexts, noteId, _) = await ThreadWithNotesAsync(code, owner);
        using var brand = await SignedInAsync(owner);

        var response = await brand.Http.GetAsync(Api(code));
        var raw = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        foreach (var text in publicTexts)
        {
            raw.ShouldContain(text);
        }

        raw.ShouldNotContain("SECRET");
        // Not even the field or a flag: the word does not occur in the answer at all.
        raw.ShouldNotContain("internal", Case.Insensitive);
        var json = JsonDocument.Parse(raw).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["brand", "comments"]);
        var question = json.GetProperty("comments").EnumerateArray().ShouldHaveSingleItem();
        question.GetProperty("byStaff").GetBoolean().ShouldBeFalse();
        question.GetProperty("replies").EnumerateArray().ShouldHaveSingleItem().GetProperty("text").GetString().ShouldBe(publicTexts[1]);
        internalTexts.ShouldAllBe(t => t.StartsWith("SECRET"));

        // A note asked for by its id does not exist for the brand.
        var one = await brand.Http.GetAsync($"{Api(code)}/{noteId}");
        (await ProblemAsync(one, HttpStatusCode.NotFound)).GetRawText().ShouldNotContain("SECRET");
    }

    [Fact]
    public async Task Get_AsStaff_CarriesTheThreadAndTheInternalNotes()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("api-staff");
        var (publicTexts, internalTexts, noteId, questionId) = await ThreadWithNotesAsync(code, owner);
        using var staff = await SignedInAsync(DemoData.OperatorEmail);

        var json = await staff.Http.GetFromJsonAsync<JsonElement>(Api(code));
        var one = await staff.Http.GetFromJsonAsync<JsonElement>($"{Api(code)}/{noteId}");

        json.GetProperty("brand").GetString().ShouldBe(code);
        var question = json.GetProperty("comments").EnumerateArray().ShouldHaveSingleItem();
        question.GetProperty("id").GetGuid().ShouldBe(questionId);
        question.GetProperty("internal").GetBoolean().ShouldBeFalse();
        question.GetProperty("text").GetString().ShouldBe(publicTexts[0]);
        var notes = json.GetProperty("internalNotes").EnumerateArray().ToList();
        notes.Select(n => n.GetProperty("text").GetString()).ShouldBe([internalTexts[0], internalTexts[2]]);
        notes.ShouldAllBe(n => n.GetProperty("internal").GetBoolean());
        notes[0].GetProperty("mentions").EnumerateArray().Select(m => m.GetString()).ShouldBe(["Portal Admin"]);
        var reply = notes[0].GetProperty("replies").EnumerateArray().ShouldHaveSingleItem();
        reply.GetProperty("text").GetString().ShouldBe(internalTexts[1]);
        reply.GetProperty("parentId").GetGuid().ShouldBe(noteId);
        reply.GetProperty("internal").GetBoolean().ShouldBeTrue();
        one.GetProperty("text").GetString().ShouldBe(internalTexts[0]);
    }

    [Fact]
    public async Task MessagesPage_ForABrandMember_NeverRendersAnInternalNote()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("api-page");
        var (publicTexts, _, _, _) = await ThreadWithNotesAsync(code, owner);
        using var brand = await SignedInAsync(owner);

        var response = await brand.Http.GetAsync($"/brands/{code}/messages");
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(publicTexts[0]);
        html.ShouldContain(publicTexts[1]);
        // Neither the text nor any trace in the prerendered markup or the state handed to the circuit.
        raw.ShouldNotContain("SECRET");
        html.ShouldNotContain("SECRET");
        html.ShouldNotContain("data-testid=\"internal-notes\"");
        html.ShouldNotContain("data-testid=\"internal-note");
    }

    [Fact]
    public async Task Post_AsBrandMember_AnInternalNoteOrAMention_IsRefusedAndNothingIsWritten()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-refuse");
        var staffId = await fixture.UserIdAsync(DemoData.OperatorEmail);
        using var brand = await SignedInAsync(owner);

        var note = await ProblemAsync(await PostAsync(brand, code, new { text = "Let me write a note", @internal = true }), HttpStatusCode.BadRequest);
        var mention = await ProblemAsync(await PostAsync(brand, code, new { text = "Hi @staff", mentions = new[] { staffId } }), HttpStatusCode.BadRequest);

        note.GetProperty("title").GetString().ShouldBe("The comment was not posted.");
        Errors(note).ShouldBe(["Only SKA staff can write internal notes."]);
        Errors(mention).ShouldBe(["Only SKA staff can mention colleagues."]);
        (await CountAsync(brandId)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_AsBrandMember_InternalUnderAPublicComment_IsRefused_NotPublished()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-refuse-reply");
        using var staff = await SignedInAsync(DemoData.OperatorEmail);
        using var brand = await SignedInAsync(owner);
        var welcome = await PostOkAsync(staff, code, new { text = "Welcome" });

        var problem = await ProblemAsync(await PostAsync(brand, code, new { text = "Psst", parentId = welcome, @internal = true }), HttpStatusCode.BadRequest);

        Errors(problem).ShouldBe(["Only SKA staff can write internal notes."]);
        (await CountAsync(brandId)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_AsStaff_AnInternalNoteUnderAPublicComment_IsRefused_SoItNeverReachesTheBrand()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-note-under-public");
        using var staff = await SignedInAsync(DemoData.OperatorEmail);
        using var brand = await SignedInAsync(owner);
        var question = await PostOkAsync(brand, code, new { text = "Is our licence fine?" });

        var problem = await ProblemAsync(await PostAsync(staff, code, new { text = "SECRET-MISPLACED it is not", parentId = question, @internal = true }), HttpStatusCode.BadRequest);

        Errors(problem).ShouldBe(["An internal note cannot reply to a public comment: its reply would be shown to the brand. Write a new internal note instead."]);
        (await CountAsync(brandId)).ShouldBe(1);
        (await brand.Http.GetStringAsync(Api(code))).ShouldNotContain("SECRET");
    }

    [Fact]
    public async Task Post_ReplyToAnInternalNote_FromABrandMember_IsAnswered_AsForACommentThatDoesNotExist()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-reply-note");
        using var staff = await SignedInAsync(DemoData.OperatorEmail);
        using var brand = await SignedInAsync(owner);
        var note = await PostOkAsync(staff, code, new { text = "SECRET-NOTE", @internal = true });

        var toNote = await ProblemAsync(await PostAsync(brand, code, new { text = "Replying to your note", parentId = note }), HttpStatusCode.BadRequest);
        var toNothing = await ProblemAsync(await PostAsync(brand, code, new { text = "Replying to nothing", parentId = Guid.NewGuid() }), HttpStatusCode.BadRequest);

        Errors(toNote).ShouldBe(["The comment you reply to was not found."]);
        Errors(toNothing).ShouldBe(Errors(toNote));
        toNote.GetRawText().ShouldNotContain("SECRET");
        (await CountAsync(brandId)).ShouldBe(1);
    }

    [Theory]
    [InlineData("", "Write something first.")]
    [InlineData("   \n ", "Write something first.")]
    [InlineData(null, "Write something first.")]
    [InlineData("TOO-LONG", "A comment may have at most 4000 characters.")]
    public async Task Post_InvalidText_Is400WithTheReason_AndNothingIsWritten(string? text, string reason)
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-invalid");
        using var brand = await SignedInAsync(owner);
        var body = text == "TOO-LONG" ? new string('x', BrandCommentService.MaxBodyLength + 1) : text;

        var problem = await ProblemAsync(await PostAsync(brand, code, new { text = body }), HttpStatusCode.BadRequest);

        Errors(problem).ShouldBe([reason]);
        problem.GetProperty("detail").GetString().ShouldBe(reason);
        (await CountAsync(brandId)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_ReplyFromTheBrand_AppearsForStaff_AndNotifiesTheStaffWhoTookPart()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-reply");
        var colleague = await fixture.AddStaffAsync();
        using var staff = await SignedInAsync(colleague);
        using var brand = await SignedInAsync(owner);
        var question = await PostOkAsync(staff, code, new { text = "When is your first stream?" });

        var response = await PostAsync(brand, code, new { text = "Next Friday", parentId = question });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/brands/{code}/comments/{id}");
        created.GetProperty("parentId").GetGuid().ShouldBe(question);
        created.TryGetProperty("internal", out _).ShouldBeFalse();
        (await brand.Http.GetFromJsonAsync<JsonElement>(response.Headers.Location)).GetProperty("text").GetString().ShouldBe("Next Friday");

        var thread = await staff.Http.GetFromJsonAsync<JsonElement>(Api(code));
        var reply = thread.GetProperty("comments").EnumerateArray().Single().GetProperty("replies").EnumerateArray().ShouldHaveSingleItem();
        reply.GetProperty("id").GetGuid().ShouldBe(id);
        reply.GetProperty("byStaff").GetBoolean().ShouldBeFalse();
        reply.GetProperty("internal").GetBoolean().ShouldBeFalse();

        var told = (await fixture.InboxAsync(colleague, brandId)).ShouldHaveSingleItem();
        told.Kind.ShouldBe(NotificationKind.Comment);
        told.Template.ShouldBe("Reply_FromBrand");
        told.Link.ShouldBe($"/ops/brands/{code}");
        // Staff who did not take part (and the brand has no account manager) are not told.
        (await fixture.InboxAsync(DemoData.OperatorEmail, brandId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_StaffInternalNoteWithAMention_NotifiesTheColleague_AndTheBrandHearsNothing()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-mention");
        var adminId = await fixture.UserIdAsync(DemoData.AdminEmail);
        using var staff = await SignedInAsync(DemoData.OperatorEmail);

        var response = await PostAsync(staff, code, new { text = "SECRET-CHECK can you check the licence?", @internal = true, mentions = new[] { adminId } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("internal").GetBoolean().ShouldBeTrue();
        created.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()).ShouldBe(["Portal Admin"]);
        (await fixture.InboxAsync(DemoData.AdminEmail, brandId)).ShouldHaveSingleItem().Template.ShouldBe("Mention_Internal");
        (await fixture.InboxAsync(owner, brandId)).ShouldBeEmpty();
        (await fixture.MailAsync(owner)).ShouldAllBe(m => !m.TextBody.Contains("SECRET") && !m.Subject.Contains("SECRET"));
    }

    [Fact]
    public async Task AnotherBrandsMember_GetsNotFound_AsForABrandThatDoesNotExist_AndWritesNothing()
    {
        var (code, brandId, _) = await fixture.NewBrandAsync("api-cross");
        var (_, _, stranger) = await fixture.NewBrandAsync("api-cross-stranger");
        using var staff = await SignedInAsync(DemoData.OperatorEmail);
        await PostOkAsync(staff, code, new { text = "PRIVATE-THREAD" });
        using var intruder = await SignedInAsync(stranger);

        var get = await ProblemAsync(await intruder.Http.GetAsync(Api(code)), HttpStatusCode.NotFound);
        var post = await ProblemAsync(await PostAsync(intruder, code, new { text = "Let me in" }), HttpStatusCode.NotFound);
        var nowhere = await ProblemAsync(await intruder.Http.GetAsync(Api("no-such-brand")), HttpStatusCode.NotFound);

        get.GetProperty("title").GetString().ShouldBe("The brand was not found.");
        post.GetProperty("title").GetString().ShouldBe(get.GetProperty("title").GetString());
        nowhere.GetProperty("title").GetString().ShouldBe(get.GetProperty("title").GetString());
        get.GetRawText().ShouldNotContain("PRIVATE-THREAD");
        (await CountAsync(brandId)).ShouldBe(1);
    }

    [Fact]
    public async Task Anonymous_Gets401_NotARedirectToSignIn()
    {
        var (code, brandId, _) = await fixture.NewBrandAsync("api-anon");
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });

        var get = await client.GetAsync(Api(code));
        var post = await client.PostAsJsonAsync(Api(code), new { text = "Anyone?" });

        await ProblemAsync(get, HttpStatusCode.Unauthorized);
        await ProblemAsync(post, HttpStatusCode.Unauthorized);
        get.Headers.Location.ShouldBeNull();
        (await CountAsync(brandId)).ShouldBe(0);
    }

    [Fact]
    public async Task AMachineAccessToken_IsNotAPerson_AndGets401()
    {
        var (code, _, _) = await fixture.NewBrandAsync("api-token");
        var client = await MetricsApiTests.ClientAsync(fixture.App, "metrics.read");

        (await client.GetAsync(Api(code))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_NotJson_Is415AndNothingIsWritten_SoACrossSiteFormCannotPost()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-csrf");
        using var brand = await SignedInAsync(owner);

        var form = await brand.Http.PostAsync(Api(code), new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "forged" }));
        var plain = await brand.Http.PostAsync(Api(code), new StringContent("""{"text":"forged"}""", Encoding.UTF8, "text/plain"));

        (await ProblemAsync(form, HttpStatusCode.UnsupportedMediaType)).GetProperty("title").GetString().ShouldBe("Send the comment as JSON (Content-Type: application/json).");
        await ProblemAsync(plain, HttpStatusCode.UnsupportedMediaType);
        (await CountAsync(brandId)).ShouldBe(0);
    }

    [Fact]
    public async Task SignInCookie_IsSameSiteLax_SoCrossSitePostsCarryNoSession()
    {
        using var browser = new BrowserClient(fixture.App);

        var response = await browser.SignInAsync(DemoData.OperatorEmail);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
    }

    [Fact]
    public async Task Post_UnreadableJson_Is400WithALocalizedTitle()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("api-json");
        using var brand = await SignedInAsync(owner);

        var response = await brand.Http.PostAsync(Api(code), new StringContent("""{"text":"hi","parentId":"not-a-guid"}""", Encoding.UTF8, "application/json"));

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("title").GetString()
            .ShouldBe("The request body could not be read as a comment: send a JSON object with a text field.");
        (await CountAsync(brandId)).ShouldBe(0);
    }

    [Fact]
    public async Task Problems_FollowAcceptLanguage_InChinese()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("api-zh");
        using var brand = await SignedInAsync(owner);
        brand.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        var refused = await ProblemAsync(await PostAsync(brand, code, new { text = "内部", @internal = true }), HttpStatusCode.BadRequest);
        var missing = await ProblemAsync(await brand.Http.GetAsync(Api("no-such-brand")), HttpStatusCode.NotFound);

        refused.GetProperty("title").GetString().ShouldBe("评论未发布。");
        Errors(refused).ShouldBe(["只有 SKA 运营人员可以写内部备注。"]);
        missing.GetProperty("title").GetString().ShouldBe("未找到该品牌。");
    }

    [Fact]
    public async Task Problems_FollowTheCultureCookie_InChinese()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("api-zh-cookie");
        using var brand = await SignedInAsync(owner);
        // The language switch: /culture/set stores the choice in the culture cookie.
        (await brand.Http.GetAsync("/culture/set?culture=zh-CN&redirectUri=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var empty = await ProblemAsync(await PostAsync(brand, code, new { text = " " }), HttpStatusCode.BadRequest);

        empty.GetProperty("title").GetString().ShouldBe("评论未发布。");
        Errors(empty).ShouldBe(["请先填写内容。"]);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCommentRoutes()
    {
        using var client = fixture.App.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var path = document.GetProperty("paths").GetProperty("/api/brands/{code}/comments");
        var get = path.GetProperty("get").GetProperty("responses");
        get.GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _).ShouldBeTrue();
        get.TryGetProperty("401", out _).ShouldBeTrue();
        get.TryGetProperty("404", out _).ShouldBeTrue();
        var post = path.GetProperty("post");
        post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        foreach (var status in new[] { "201", "400", "401", "404", "415" })
        {
            post.GetProperty("responses").TryGetProperty(status, out _).ShouldBeTrue(status);
        }

        document.GetProperty("paths").TryGetProperty("/api/brands/{code}/comments/{id}", out _).ShouldBeTrue();
        // The staff-only fields are optional in the schemas, as they are absent for brand members.
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("CommentThreadResponse").GetProperty("properties").TryGetProperty("internalNotes", out _).ShouldBeTrue();
        schemas.GetProperty("CommentThreadResponse").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldNotContain("internalNotes");
        schemas.GetProperty("CommentResponse").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldNotContain("internal");
    }
}
