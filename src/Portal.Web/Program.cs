using Portal.Core;
using Portal.Jobs;
using Portal.Web;
using Portal.Web.Auth;

var builder = WebApplication.CreateBuilder(args);

builder.AddSharedSettings();
builder.AddPortalLogging();
builder.AddPortalTelemetry("portal-web");
builder.AddPortalCore();
builder.AddPortalJobs();
builder.AddPortalAuth();
builder.AddPortalWeb();

var app = builder.Build();

app.UsePortal();
app.AnnounceWhenStarted();

app.Run();

/// <summary>The web host's entry point; public for WebApplicationFactory in tests.</summary>
public partial class Program;
