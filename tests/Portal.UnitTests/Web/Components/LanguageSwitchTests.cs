using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Localization;
using Portal.Web.Components.Layout;

namespace Portal.UnitTests.Web.Components;

public sealed class LanguageSwitchTests : PortalTestContext
{
    public LanguageSwitchTests()
    {
        // NavMenu's brand sections look up the person's brands; this principal has no user id, so none are read.
        Services.AddDbContextFactory<PortalDbContext>(options => options.UseSqlite("Data Source=:memory:"));
        Services.AddSingleton<BrandDirectory>();
    }

    [Fact]
    public void InEnglish_OffersChinese_AndClickingGoesToTheCultureEndpointWithAFullReload()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/brand?tab=steps");
        var language = Render<LanguageSwitch>();

        language.Find("button").TextContent.Trim().ShouldBe("中文");
        language.Find("button").Click();

        var last = navigation.History.First();
        last.Uri.ShouldBe("culture/set?culture=zh-CN&redirectUri=%2Fbrand%3Ftab%3Dsteps");
        last.Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public void AfterSwitching_TheMenuAndTheSwitchSpeakChinese()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("brand@demo.test");
        auth.SetRoles(PortalRoles.BrandManager);
        var before = Render<NavMenu>().Find("a").TextContent.Trim();
        Render<LanguageSwitch>().Find("button").Click();

        // The culture endpoint sets the cookie and the page reloads in the new culture.
        UseCulture(PortalCultures.Chinese);
        var menu = Render<NavMenu>();
        var language = Render<LanguageSwitch>();

        before.ShouldBe("Home");
        menu.FindAll("a").Select(a => a.TextContent.Trim()).ShouldBe(["首页", "我的品牌", "申请成为服务商"]);
        language.Find("button").TextContent.Trim().ShouldBe("English");
    }

    [Fact]
    public void InTheAppBar_MarksTheCurrentLanguage()
    {
        UseCulture(PortalCultures.Chinese);

        var current = Render<LanguageSwitch>().Find("[data-testid='language-current']");

        current.TextContent.Trim().ShouldBe("中文");
        current.GetAttribute("aria-current").ShouldBe("true");
        current.GetAttribute("lang").ShouldBe("zh-CN");
    }
}
