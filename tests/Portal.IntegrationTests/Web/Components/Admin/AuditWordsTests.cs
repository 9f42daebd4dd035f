using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Features.Audit;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web;
using Portal.Web.Components.Pages.Admin;

namespace Portal.IntegrationTests.Web.Components.Admin;

/// <summary>The audit log's old and new values in words (/admin/audit), with the real model and resources.</summary>
public sealed class AuditWordsTests : IAsyncLifetime
{
    private static readonly IReadOnlyDictionary<Guid, string> NoNames = new Dictionary<Guid, string>();

    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("zh-CN", "修改角色")]
    [InlineData("en", "Roles changed")]
    public void EveryOperationTheAuditRecords_HasWords(string culture, string changeRoles)
    {
        using var _ = PortalCultures.Use(culture);
        var words = _app.Services.GetRequiredService<AuditWords>();
        var operations = new[] { typeof(Portal.Core.Features.Administration.AdminOperations), typeof(Portal.Core.Features.Accounts.TwoFactor.TwoFactorService.Operations) }
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        operations.Count.ShouldBe(11);

        operations.Where(o => words.Operation(o) == o).ShouldBeEmpty("each operation needs AuditOperation_ words in AuditTimelineStrings");
        words.Operation("User.ChangeRoles").ShouldBe(changeRoles);
        words.Operation("Future.Thing").ShouldBe("Future.Thing", "an operation nobody has words for yet is shown as stored");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void EveryValueOfEveryEnumInTheModel_HasWords(string culture)
    {
        using var _ = PortalCultures.Use(culture);
        var words = _app.Services.GetRequiredService<IStringLocalizer<AuditValueStrings>>();
        var enums = _app.Services.GetRequiredService<AuditValueTypes>().Enums.ToList();
        enums.ShouldContain(typeof(Portal.Core.Features.Brands.BrandMemberRole));

        var missing = enums
            .SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}_{name}"))
            .Where(key => words[key].ResourceNotFound)
            .ToList();

        missing.ShouldBeEmpty($"AuditValueStrings lacks words for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Value_InChinese_WritesRolesTiersFlagsYesNoAndTimesAsAReaderSaysThem()
    {
        using var _ = PortalCultures.Use("zh-CN");
        var words = Words();

        words.Value("BrandMember", "Role", "Owner", NoNames).ShouldBe("负责人");
        words.Value("Brand", "Tier", "RampUp", NoNames).ShouldBe("店铺爬坡");
        words.Value("Brand", "Status", "Submitted", NoNames).ShouldBe("已提交");
        words.Value("TrustCardCommitment", "Entitlements", "FastRefund, FastShipping", NoNames).ShouldBe("极速退款、极速发货");
        words.Value("PortalUser", "EmailConfirmed", "true", NoNames).ShouldBe("是");
        // Stored as UTC; the reader sees the platform's clock (China Standard Time).
        words.Value("Brand", "SubmittedAt", "2026-11-16T02:00:00+00:00", NoNames).ShouldBe("2026-11-16 10:00:00");
    }

    [Fact]
    public void Value_InEnglish_UsesTheEnglishWords()
    {
        using var _ = PortalCultures.Use("en");
        var words = Words();

        words.Value("BrandMember", "Role", "Owner", NoNames).ShouldBe("Owner");
        words.Value("Brand", "Tier", "Ka", NoNames).ShouldBe("KA");
        words.Value("TrustCardCommitment", "Entitlements", "FastRefund, FastShipping", NoNames).ShouldBe("Fast refund, Fast shipping");
        words.Value("PortalUser", "EmailConfirmed", "false", NoNames).ShouldBe("No");
    }

    [Fact]
    public void Value_ThatNoWordsKnow_IsShownAsStored_AndIdsByName()
    {
        using var _ = PortalCultures.Use("zh-CN");
        var words = Words();
        var id = Guid.NewGuid();

        // A value removed from the enum since it was recorded, an unknown record type, a secret, nothing.
        words.Value("BrandMember", "Role", "Founder", NoNames).ShouldBe("Founder");
        words.Value("NoSuchRecord", "Role", "Owner", NoNames).ShouldBe("Owner");
        words.Value("PortalUser", "PasswordHash", AuditChanges.Redacted, NoNames).ShouldBe(AuditChanges.Redacted);
        words.Value("Brand", "Tier", null, NoNames).ShouldBeNull();
        words.Value("BrandMember", "UserId", id.ToString(), new Dictionary<Guid, string> { [id] = "owner@demo.test" }).ShouldBe("owner@demo.test");
    }

    private AuditWords Words() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<AuditWords>();
}
