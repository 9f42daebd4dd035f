using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Data;

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

    [Fact]
    public async Task ASaveThatFailedBeforeItsCleanUp_LeavesNothingBehindForTheContextsNextLease()
    {
        await using var app = new PortalAppFactory(settings: NoJobs);
        var failing = new FailingAfterTheAuditChain();
        // The same app with one interceptor more, after the audit chain's: it throws where EF Core reports no failure,
        // so the chain's own transaction is left behind on the context when it goes back to the pool.
        var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<PortalDbContext>((_, options) => options.AddInterceptors(failing))));
        var factory = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        PortalDbContext failed;
        await using (failed = await factory.CreateDbContextAsync())
        {
            var brand = await failed.Brands.FirstAsync();
            brand.NameEn += " (renamed)";
            failing.Armed = true;
            await Should.ThrowAsync<InvalidOperationException>(() => failed.SaveChangesAsync());
            failing.Armed = false;
        }

        var again = (await RentUntilAsync(factory, failed)).ShouldNotBeNull();
        var key = "pool-" + Guid.NewGuid().ToString("N");
        again.Add(new SignInSession { KeyHash = key, CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), Ticket = [1] });

        // An unaudited save commits on its own: it must not try to commit the earlier lease's transaction.
        (await again.SaveChangesAsync()).ShouldBe(1);
        (await app.WithDbAsync(db => db.Set<SignInSession>().CountAsync(x => x.KeyHash == key))).ShouldBe(1);
    }

    /// <summary>Throws from SavingChanges when armed: after the interceptors before it ran, before anything is written.</summary>
    private sealed class FailingAfterTheAuditChain : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed ? throw new InvalidOperationException("Test: the save failed before it wrote anything.") : ValueTask.FromResult(result);
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
