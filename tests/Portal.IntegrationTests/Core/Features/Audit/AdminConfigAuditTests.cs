using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.AdminConfig;
using Portal.Core.Features.Audit;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Audit;

/// <summary>The configuration editors write no audit rows themselves; the interceptor records their changes, by the admin.</summary>
public sealed class AdminConfigAuditTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task CategoryEdit_ByAdmin_IsAuditedWithTheAdminAndOldAndNewNames()
    {
        var admin = await _app.PrincipalAsync("admin@demo.test");
        var editor = _app.Services.GetRequiredService<CategoryAdminService>();
        var category = (await editor.ListAsync(admin))!.First();
        var form = editor.Edit(category);
        var oldName = ((CategoryForm)form).NameEn;
        ((CategoryForm)form).NameEn = "Renamed by the admin";

        var saved = await editor.SaveAsync(admin, (CategoryForm)form);

        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Errors));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == "Category" && e.Action == AuditAction.Modified && e.EntityKey == category.Id.ToString()));
        entry.ActorName.ShouldBe("Portal Admin");
        entry.ActorEmail.ShouldBe("admin@demo.test");
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Changes)!;
        changes["NameEn"].GetProperty("old").GetString().ShouldBe(oldName);
        changes["NameEn"].GetProperty("new").GetString().ShouldBe("Renamed by the admin");

        var log = await _app.Services.GetRequiredService<AuditLog>().QueryAsync(admin, new AuditFilter(Actor: "Portal Admin", EntityType: "Category"), 0, 10);
        log.Value!.Items.ShouldContain(r => r.Id == entry.Id);
    }
}
