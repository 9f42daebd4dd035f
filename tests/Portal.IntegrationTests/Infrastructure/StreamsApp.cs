using Portal.Core;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// One app (real SQLite, demo seed, no job server) shared by a test class: the demo brand with its
/// owner, SKA staff, and a second brand ("night-noodle") whose owner is an outsider to the demo brand.
/// Tests create their own plans, so they do not disturb each other.
/// </summary>
public sealed class StreamsApp : IAsyncLifetime
{
    public const string OtherBrandCode = "night-noodle";
    public const string OtherOwnerEmail = "noodle@example.com";

    public StreamsApp() => App = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }) { TestServices = Reads.Install };

    public PortalAppFactory App { get; }

    /// <summary>Holds back the app's reads carrying a value, for tests of two saves that meet (<see cref="ReadGate"/>).</summary>
    public ReadGate Reads { get; } = new();

    public Guid DemoBrandId { get; private set; }

    public Guid OtherBrandId { get; private set; }

    public ClaimsPrincipal Owner { get; private set; } = new();

    public ClaimsPrincipal Staff { get; private set; } = new();

    public ClaimsPrincipal Outsider { get; private set; } = new();

    public StreamPlanService Streams => App.Services.GetRequiredService<StreamPlanService>();

    public async Task InitializeAsync()
    {
        OtherBrandId = await TestBrands.CreateWithOwnerAsync(App, OtherBrandCode, OtherOwnerEmail, "Night Noodle", "夜面");
        DemoBrandId = await App.WithDbAsync(db => db.Brands.Where(b => b.Code == DemoData.BrandCode).Select(b => b.Id).SingleAsync());
        Owner = await PrincipalAsync(DemoData.BrandManagerEmail);
        Staff = await PrincipalAsync(DemoData.OperatorEmail);
        Outsider = await PrincipalAsync(OtherOwnerEmail);
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();

    /// <summary>The signed-in principal of a user, as the cookie would carry it (id and roles).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>A new brand with its own owner, for tests that must see only their own streams.</summary>
    public async Task<(Guid BrandId, ClaimsPrincipal Owner)> NewBrandAsync(string code)
    {
        var email = $"{code}@example.com";
        var id = await TestBrands.CreateWithOwnerAsync(App, code, email, code, "测试品牌");
        return (id, await PrincipalAsync(email));
    }

    /// <summary>A plan whose five STAGE sections are complete (planned length 60 minutes).</summary>
    public static StreamPlan CompletePlan(DateTimeOffset startAt, string title = "Complete plan") => new()
    {
        Title = title,
        Host = "Tea Yun",
        StartAt = startAt,
        PlannedMinutes = 60,
        Shaping = new ShapingSection { Products = [new() { Name = "Longjing 250g", Role = ProductRole.Hero, Price = 298m, Stock = 100 }] },
        Timing = new TimingSection { Segments = [new() { Name = "Warm-up", Minutes = 10 }, new() { Name = "Hero", Minutes = 50 }] },
        Flow = new AccurateFlowSection { Budget = 1000m, Tools = TrafficTools.LivePromotion },
        Gifts = new GiftsSection { Items = [new() { Kind = GiftKind.Coupon, Description = "¥30 off", Budget = 500m }] },
        EarlyContent = new EarlyContentSection { WarmUpVideos = 2 },
    };

    /// <summary>A plan with only its header: every STAGE section incomplete.</summary>
    public static StreamPlan EmptyPlan(DateTimeOffset startAt, string title = "Empty plan") => new()
    {
        Title = title,
        Host = "Tea Yun",
        StartAt = startAt,
        PlannedMinutes = 60,
    };

    /// <summary>Creates the plan for the demo brand as its owner and returns its id.</summary>
    public async Task<Guid> CreateDemoPlanAsync(StreamPlan plan)
    {
        var outcome = await Streams.CreateAsync(Owner, DemoBrandId, plan);
        outcome.Errors.ShouldBeEmpty();
        return outcome.Value;
    }

    public async Task<StreamPlan> LoadAsync(Guid planId) =>
        (await Streams.FindAsync(Owner, DemoBrandId, planId)).ShouldNotBeNull().Plan;
}
