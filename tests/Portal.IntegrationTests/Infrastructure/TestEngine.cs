namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The engine every <see cref="PortalAppFactory"/> host runs on: SQLite by default; PostgreSQL when
/// <c>PORTAL_TEST_ENGINE=Postgres</c> and <c>PORTAL_TEST_POSTGRES</c> names a server (scripts/test.sh runs
/// the data and integration tests so, docs/TESTING.md). Tests about SQLite itself carry
/// <c>[Trait("Engine", "Sqlite")]</c> and are filtered out of that run.
/// </summary>
public static class TestEngine
{
    public const string Variable = "PORTAL_TEST_ENGINE";

    /// <summary>Whether this run's hosts start on PostgreSQL.</summary>
    public static bool IsPostgres { get; } = string.Equals(Environment.GetEnvironmentVariable(Variable), "Postgres", StringComparison.OrdinalIgnoreCase);
}
