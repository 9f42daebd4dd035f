using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

public sealed class ErrorHandlingTests
{
    /// <summary>Adds a route that fails, behind the app's own pipeline, so the app's error handling catches it.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path.Value!.EndsWith("/boom")
                ? throw new InvalidOperationException("boom")
                : Task.CompletedTask);
        };
    }

    private static HttpClient Client(PortalAppFactory app) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, FailingRoute>()))
            .CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task UnexpectedError_OnAPage_ShowsTheErrorPageWithTheCorrelationId()
    {
        await using var app = new PortalAppFactory();
        var client = Client(app);

        var response = await client.GetAsync("/somewhere/boom");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var id = response.Headers.GetValues("X-Correlation-ID").Single();
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Something went wrong");
        html.ShouldContain(id);
        html.ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public async Task UnexpectedError_OnTheApi_IsProblemDetailsWithTheCorrelationId()
    {
        await using var app = new PortalAppFactory();
        var client = Client(app);

        var response = await client.GetAsync("/api/v1/boom");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("correlationId").GetString().ShouldBe(response.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Fact]
    public async Task UnexpectedError_OnTheApi_IsTitledInTheRequestsLanguage()
    {
        await using var app = new PortalAppFactory();
        var client = Client(app);

        async Task<string?> TitleIn(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/boom");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
        }

        (await TitleIn("en")).ShouldBe("Something went wrong on our side; the request may or may not have taken effect. Quote the correlation id to support.");
        (await TitleIn("zh-CN")).ShouldBe("服务端出错，请求可能已生效，也可能未生效；如需帮助，请向支持人员提供关联编号（correlationId）。");
    }
}
