using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Audit;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Audit;

/// <summary>Audit records read in words: brands by name, people by e-mail, never a raw id.</summary>
public sealed class AuditNamesTests
{
    [Theory]
    [InlineData(true, "审计用语")]
    [InlineData(false, "Audit Words")]
    public async Task InWords_KeyAndValuesHoldingIds_NameTheBrandAndThePerson(bool chinese, string brandName)
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var brandId = await TestBrands.CreateWithOwnerAsync(app, "aw-1", "owner.words@example.com", "Audit Words", "审计用语");
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "owner.words@example.com").Select(u => u.Id).SingleAsync());
        var row = new AuditRow(Guid.NewGuid(), app.Clock.GetUtcNow(), null, "someone", null, brandId, "aw-1", "BrandMember",
            $"{brandId}|{userId}", AuditAction.Added, null, $$$"""{"UserId":{"old":null,"new":"{{{userId}}}"},"Role":{"old":null,"new":"Owner"}}""");

        var names = await app.Services.GetRequiredService<AuditNames>().ForAsync([row], chinese);

        AuditNames.InWords(row.EntityKey, names).ShouldBe($"{brandName}|owner.words@example.com");
        var changes = AuditChanges.Read(row.Changes);
        AuditNames.InWords(changes.Single(c => c.Property == "UserId").New, names).ShouldBe("owner.words@example.com");
        AuditNames.InWords(changes.Single(c => c.Property == "Role").New, names).ShouldBe("Owner");
    }

    [Fact]
    public void InWords_AnUnknownId_StaysAsItIs()
    {
        var id = Guid.NewGuid().ToString();

        AuditNames.InWords(id, new Dictionary<Guid, string>()).ShouldBe(id);
    }
}
