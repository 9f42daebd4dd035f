using Microsoft.Extensions.Localization;
using Portal.Core.Features.Journey;
using Portal.Web;
using Portal.Web.Components.Pages.Journey;

namespace Portal.UnitTests.Web.Components.Journey;

/// <summary>
/// The journey board's shared markup strings (fast unit tests, no app): staff-written text is encoded, and a string
/// is shared only by boards that show the same in the same language.
/// </summary>
public sealed class JourneyMarkupTests : LocalizedMarkupTest
{
    private IStringLocalizer<JourneyStrings> J => Localizer<JourneyStrings>();

    [Fact]
    public void TaskHead_WithMarkupInTheStaffWrittenText_IsEncoded()
    {
        Use("en");

        var head = JourneyMarkup.TaskHead(J, Task(title: "<img src=x onerror=\"alert(1)\">", description: "Tea & 'Co'")).Value;

        head.ShouldContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
        head.ShouldContain("Tea &amp; &#39;Co&#39;");
        head.ShouldNotContain("<img");
        head.ShouldContain("mud-chip-color-success\"><span class=\"mud-chip-content\">Done</span>");
    }

    [Fact]
    public void TaskHead_ForTheSameTextAndStatus_IsOneSharedString_AndChangesWithEither()
    {
        Use("en");
        var title = $"Run the first promotion {Guid.NewGuid()}";

        var first = JourneyMarkup.TaskHead(J, Task(title: new string(title.AsSpan())));
        var again = JourneyMarkup.TaskHead(J, Task(title: new string(title.AsSpan())));
        var otherStatus = JourneyMarkup.TaskHead(J, Task(title: title, status: BrandTaskStatus.InProgress));
        var otherTitle = JourneyMarkup.TaskHead(J, Task(title: title + " (edited)"));
        var otherDescription = JourneyMarkup.TaskHead(J, Task(title: title, description: "Pick five."));
        Use("zh-CN");
        var otherLanguage = JourneyMarkup.TaskHead(J, Task(title: title));

        ReferenceEquals(first.Value, again.Value).ShouldBeTrue();
        otherStatus.Value.ShouldContain("In progress");
        otherTitle.Value.ShouldContain("(edited)");
        otherDescription.Value.ShouldContain("Pick five.");
        otherLanguage.Value.ShouldContain("已完成");
        otherLanguage.Value.ShouldContain("选三款。");
    }

    [Fact]
    public void AreaMarkup_InEachLanguage_CarriesThatLanguagesTextAndTheBarsValue()
    {
        var area = new AreaProgress(StepsArea.Distribution, [Task(), Task(status: BrandTaskStatus.NotStarted), Task(status: BrandTaskStatus.NotStarted)]);
        Use("zh-CN");
        var headerZh = JourneyMarkup.AreaHeader(J, area).Value;
        var barZh = JourneyMarkup.AreaBar(J, area).Value;
        Use("en");
        var header = JourneyMarkup.AreaHeader(J, area).Value;
        var bar = JourneyMarkup.AreaBar(J, area).Value;

        headerZh.ShouldContain("达人分销合作");
        headerZh.ShouldContain("已完成 1 / 3");
        barZh.ShouldContain("aria-label=\"达人分销合作进度\"");
        header.ShouldContain(">E · Influencer distribution</h3>");
        header.ShouldContain("1 / 3 done");
        bar.ShouldContain("aria-valuenow=\"33\"");
        bar.ShouldContain("translateX(-67%)");
        bar.ShouldContain("mud-progress-linear-color-primary");
        JourneyMarkup.AreaBar(J, area with { Tasks = [Task()] }).Value.ShouldContain("mud-progress-linear-color-success");
    }

    private static JourneyTaskView Task(string title = "List hero products", string description = "Pick three.", BrandTaskStatus status = BrandTaskStatus.Done) =>
        new(Guid.NewGuid(), "e-list", StepsArea.Distribution, 1, "上架主推品", title, "选三款。", description, status, null, null, null, null, null);
}
