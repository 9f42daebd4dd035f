using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Portfolio;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// "Last activity" on the portfolio row is what the brand last did: the last day it has figures for (not when the
/// feed delivered them), comments and stream plans included. The refresher is called directly; the clock moves
/// (and keeps running, hence the tolerance of seconds on instants).
/// </summary>
public sealed class PortfolioLastActivityTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<DateTimeOffset?> LastActivityAsync(Guid brandId)
    {
        await _app.Services.GetRequiredService<PortfolioRefresher>().RefreshAsync([brandId]);
        return await _app.WithDbAsync(db => db.BrandPortfolioRows.AsNoTracking().Where(r => r.BrandId == brandId).Select(r => r.LastActivityAt).SingleAsync());
    }

    [Fact]
    public async Task LastActivity_FiguresDeliveredLate_IsTheDayOfTheFiguresNotTheDelivery()
    {
        var registered = _app.Clock.GetUtcNow();
        var id = await TestBrands.CreateWithOwnerAsync(_app, "late-feed", "late-feed@example.test");
        var figuresDay = PlatformTime.DayOf(registered).AddDays(2);

        _app.Clock.MoveTo(registered.AddDays(9));
        var result = await _app.Services.GetRequiredService<MetricsIngestionService>().IngestAsync(
            [new MetricRowInput { Brand = "late-feed", Date = figuresDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Gmv = 100m }]);
        result.Errors.ShouldBeEmpty();

        (await LastActivityAsync(id)).ShouldBe(PlatformTime.At(figuresDay, TimeOnly.MinValue));
    }

    [Fact]
    public async Task LastActivity_AfterACommentAndAStreamPlan_IsTheLatestOfThem()
    {
        var registered = _app.Clock.GetUtcNow();
        var id = await TestBrands.CreateWithOwnerAsync(_app, "talkative", "talkative@example.test");
        var owner = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "talkative@example.test").Select(u => u.Id).SingleAsync());

        _app.Clock.MoveTo(registered.AddDays(3));
        await _app.WithDbAsync(db =>
        {
            db.BrandComments.Add(new BrandComment { BrandId = id, AuthorUserId = owner, Body = "Samples are on their way." });
            return db.SaveChangesAsync();
        });
        (await LastActivityAsync(id))!.Value.ShouldBe(registered.AddDays(3), TimeSpan.FromSeconds(10));

        _app.Clock.MoveTo(registered.AddDays(5));
        var plan = StreamsApp.EmptyPlan(registered.AddDays(12));
        plan.BrandId = id;
        plan.CreatedByUserId = owner;
        await _app.WithDbAsync(db =>
        {
            db.StreamPlans.Add(plan);
            return db.SaveChangesAsync();
        });

        (await LastActivityAsync(id))!.Value.ShouldBe(registered.AddDays(5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task LastActivity_StaffChasingAQuietBrand_DoesNotMakeItActive()
    {
        var registered = _app.Clock.GetUtcNow();
        var id = await TestBrands.CreateWithOwnerAsync(_app, "quiet-one", "quiet-one@example.test");
        var owner = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "quiet-one@example.test").Select(u => u.Id).SingleAsync());
        _app.Clock.MoveTo(registered.AddDays(2));
        await _app.WithDbAsync(db =>
        {
            db.BrandComments.Add(new BrandComment { BrandId = id, AuthorUserId = owner, Body = "We are still here." });
            return db.SaveChangesAsync();
        });

        _app.Clock.MoveTo(registered.AddDays(20));
        await _app.WithDbAsync(db =>
        {
            db.BrandComments.Add(new BrandComment { BrandId = id, AuthorUserId = owner, ByStaff = true, Body = "Any news?" });
            db.BrandComments.Add(new BrandComment { BrandId = id, AuthorUserId = owner, ByStaff = true, IsInternal = true, Body = "Chase again." });
            return db.SaveChangesAsync();
        });

        (await LastActivityAsync(id))!.Value.ShouldBe(registered.AddDays(2), TimeSpan.FromSeconds(10));
    }
}
