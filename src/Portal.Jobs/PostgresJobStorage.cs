using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Portal.Jobs;

/// <summary>
/// Hangfire's storage on PostgreSQL (<c>Jobs:Storage=Postgres</c>), shared by every web node and worker:
/// its own schema, created by whichever process starts first. A fetched job stays invisible to other workers
/// while its worker renews it (sliding); a worker killed mid-job stops renewing, and after
/// <c>Jobs:InvisibilityTimeout</c> another worker takes the job again (jobs are idempotent over database-held work).
/// <c>DisableConcurrentExecution</c> takes the storage's distributed lock, a row in this schema: it holds across processes.
/// </summary>
internal static class PostgresJobStorage
{
    public static PostgreSqlStorage Create(string connectionString, JobsOptions settings)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = JobsOptions.PostgresSchema,
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = settings.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            // As the in-memory server polls its schedule: a dispatched job starts within about a second.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            DistributedLockTimeout = TimeSpan.FromMinutes(10),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
