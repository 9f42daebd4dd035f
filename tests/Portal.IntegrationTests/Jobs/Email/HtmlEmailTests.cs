using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Features.Email;
using Portal.Core.Localization;
using Portal.Jobs.Email.Templates;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Jobs.Email;

/// <summary>E-mails leave as multipart/alternative: the stored text, and the portal's HTML look in the recipient's language.</summary>
public sealed class HtmlEmailTests
{
    private static async Task<MimeMessage> SendAsync(PortalAppFactory app, Func<EmailComposer, OutgoingEmail> compose)
    {
        var email = compose(app.Services.GetRequiredService<EmailComposer>());
        await app.WithDbAsync(async db =>
        {
            db.OutgoingEmails.Add(email);
            return await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<EmailDelivery>().SendAsync(email.Id, CancellationToken.None);
        var file = Directory.GetFiles(app.MailFolder, "*.eml").ShouldHaveSingleItem();
        return await MimeMessage.LoadAsync(file);
    }

    [Fact]
    public async Task Welcome_ToAChineseReader_HasAChinesePlainAndHtmlPart()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var message = await SendAsync(app, c => c.Welcome("li@example.com", "李雷", "https://portal.example/Account/Login", PortalCultures.Chinese));

        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        message.Body.ShouldNotBeNull().Headers[HeaderId.ContentLanguage].ShouldBe("zh-CN");
        message.TextBody.ShouldNotBeNull().ShouldContain("李雷，您好");
        var html = message.HtmlBody.ShouldNotBeNull();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("STEPS 品牌入驻平台");
        html.ShouldContain("李雷，您好");
        html.ShouldContain("本邮件由 STEPS 品牌入驻平台自动发送");
        html.ShouldContain("href=\"https://portal.example/Account/Login\"");
        html.ShouldNotContain("This e-mail was sent");
    }

    [Fact]
    public async Task PasswordReset_ToAnEnglishReader_DrawsTheLinkAsAButton()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var message = await SendAsync(app, c => c.PasswordReset("tom@example.com", "Tom <b>", "https://portal.example/reset?code=a&b=1", PortalCultures.English));

        message.Body.ShouldNotBeNull().Headers[HeaderId.ContentLanguage].ShouldBe("en");
        var html = message.HtmlBody.ShouldNotBeNull();
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Open in the portal");
        html.ShouldContain("href=\"https://portal.example/reset?code=a&amp;b=1\"");
        // The name is text, never markup.
        html.ShouldContain("Tom &lt;b&gt;");
        message.TextBody.ShouldNotBeNull().ShouldContain("https://portal.example/reset?code=a&b=1");
    }

    [Fact]
    public void Blocks_LinkEndingALine_BecomesAButtonAfterItsText()
    {
        var blocks = EmailText.Blocks("您好：\n\n请打开以下链接设置新密码：\nhttps://p.example/r?x=1\n\n谢谢").ToList();

        blocks.Count.ShouldBe(4);
        blocks[1].Lines.ShouldHaveSingleItem().ShouldHaveSingleItem().Text.ShouldBe("请打开以下链接设置新密码：");
        blocks[2].Button.ShouldBe("https://p.example/r?x=1");
        blocks[3].Lines.ShouldHaveSingleItem().ShouldHaveSingleItem().Text.ShouldBe("谢谢");
    }

    [Fact]
    public void Blocks_LinkInsideASentence_StaysALinkInTheSentence()
    {
        var block = EmailText.Blocks("请登录 https://p.example/login 注册品牌。").ShouldHaveSingleItem();

        block.Button.ShouldBeNull();
        block.Lines.ShouldHaveSingleItem().Select(s => (s.Text, s.Href)).ShouldBe(
            [("请登录 ", null), ("https://p.example/login", "https://p.example/login"), (" 注册品牌。", null)]);
    }
}
