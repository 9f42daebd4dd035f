using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.UnitTests.Infrastructure;

namespace Portal.UnitTests.Core.Data;

/// <summary>
/// Contexts come from a pool: a page opens one per read, and a pooled context is reset and reused instead of
/// building its internal services again. What one read tracked or changed must not reach the next.
/// </summary>
public sealed class ContextPoolTests
{
    private static readonly Dictionary<string, string?> NoJobs = new() { ["Jobs:RunServer"] = "false" };

    [Fact]
    public async Task ContextFactory_HandsAReturnedContextOutAgain_WithNothingTrackedAndItsDefaultsBack()
    {
        await using var app = new PortalAppFactory(settings: NoJobs);
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        PortalDbContext returned;
        await using (returned = await factory.CreateDbContextAsync())
        {
            (await returned.Brands.FirstAsync()).ShouldNotBeNull();
            returned.ChangeTracker.Entries().ShouldNotBeEmpty();
            returned.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            returned.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        var again = await RentUntilAsync(factory, returned);

        again.ShouldNotBeNull("the context given back is handed out again");
        again.ChangeTracker.Entries().ShouldBeEmpty();
        again.ChangeTracker.QueryTrackingBehavior.ShouldBe(QueryTrackingBehavior.TrackAll);
        again.ChangeTracker.AutoDetectChangesEnabled.ShouldBeTrue();
        (await again.Brands.CountAsync()).ShouldBeGreaterThan(0, "and it still reads");
    }

    [Fact]
    public async Task AScope_GetsOneContextFromThePool_AndGivesItBackWhenTheScopeEnds()
    {
        await using var app = new PortalAppFactory(settings: NoJobs);
        PortalDbContext scoped;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scoped = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            scope.ServiceProvider.GetRequiredService<PortalDbContext>().ShouldBeSameAs(scoped, "one context per scope, as Identity expects");
            (await scoped.Users.CountAsync()).ShouldBeGreaterThan(0);
        }

        var again = await RentUntilAsync(app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), scoped);

        again.ShouldNotBeNull("the scope's context went back to the pool when the scope ended");
    }

    // The pool hands contexts out first in, first out, and start-up has given some back already: rent (and hold) until
    // the one looked for comes out, or the pool is plainly not giving it back.
    private static async Task<PortalDbContext?> RentUntilAsync(IDbContextFactory<PortalDbContext> factory, PortalDbContext wanted)
    {
        var held = new List<PortalDbContext>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var context = await factory.CreateDbContextAsync();
                if (ReferenceEquals(context, wanted))
                {
                    return context;
                }

                held.Add(context);
            }

            return null;
        }
        finally
        {
            foreach (var context in held)
            {
                await context.DisposeAsync();
            }
        }
    }
}
