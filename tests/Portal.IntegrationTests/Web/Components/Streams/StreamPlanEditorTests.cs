using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Streams;

namespace Portal.IntegrationTests.Web.Components.Streams;

/// <summary>
/// The stream plan editor against the real service, moved from plan to plan through the router while a plan's read is
/// still under way (held back by <see cref="ReadGate"/>): it shows the plan its address names, never a late answer for another.
/// </summary>
public sealed class StreamPlanEditorTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public StreamPlanEditorTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<StreamPlanService>());
    }

    [Fact]
    public async Task ToAnotherPlanAndBack_BeforeItsAnswerCame_ShowsTheFirstPlan_NotTheLateAnswer()
    {
        var (brand, owner, first, second) = await TwoPlansAsync();
        var editor = RenderAs(owner, brand, first);
        editor.WaitForAssertion(() => Title(editor).ShouldBe("Plan A"));

        using var slow = _fixture.Reads.Hold(second);
        editor.Render(p => p.Add(x => x.PlanId, second));
        await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        editor.FindAll("[data-testid='plan-title']").ShouldBeEmpty(); // plan A's editor went at once

        editor.Render(p => p.Add(x => x.PlanId, first));
        editor.WaitForAssertion(() => Title(editor).ShouldBe("Plan A"));
        // Plan B's answer lands after plan A's: the address names plan A, so plan A stays.
        await slow.LandAsync(() => Title(editor).ShouldBe("Plan A"));
    }

    private async Task<(BrandSummary Brand, ClaimsPrincipal Owner, Guid First, Guid Second)> TwoPlansAsync()
    {
        var (code, id, owner) = await _fixture.NewBrandAsync("plan");
        var streams = _fixture.Service<StreamPlanService>();
        var startAt = _fixture.App.Clock.GetUtcNow().AddDays(7);
        var first = await streams.CreateAsync(owner, id, StreamsApp.EmptyPlan(startAt, "Plan A"));
        var second = await streams.CreateAsync(owner, id, StreamsApp.EmptyPlan(startAt.AddDays(1), "Plan B"));
        return (new BrandSummary(id, code, code, code, BrandMemberRole.Owner), owner, first.Value, second.Value);
    }

    private static string Title(IRenderedComponent<StreamPlanEditor> editor) => editor.Find("[data-testid='plan-title']").TextContent.Trim();

    private IRenderedComponent<StreamPlanEditor> RenderAs(ClaimsPrincipal user, BrandSummary brand, Guid planId)
    {
        SignInAs(user, PortalRoles.BrandManager);
        return Render<StreamPlanEditor>(p => p.Add(x => x.Brand, brand).Add(x => x.PlanId, planId));
    }
}
