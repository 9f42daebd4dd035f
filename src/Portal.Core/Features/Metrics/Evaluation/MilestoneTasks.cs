using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Journey;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// Completes the journey tasks linked to newly reached milestones (source Milestone), all brands in one statement
/// through <c>JourneyService.CompleteFromMilestonesAsync</c> on the run's context
/// and marks those achievements done in the same transaction, so a
/// later run does not complete a task again that someone reopened.
/// </summary>
internal sealed class MilestoneTasks(JourneyService journey, TimeProvider clock)
{
    /// <summary>Completes the open achievements' tasks; answers how many tasks changed.</summary>
    public async Task<int> CompleteAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        var work = new List<(Guid Brand, string Task)>();
        var achievements = new List<Guid>();
        await using (var command = run.Connection.Command(run.Current, run.OnPostgres ? MetricsEvaluationPostgresSql.OpenTaskCompletions(run.Scoped) : MetricsEvaluationSql.OpenTaskCompletions(run.Scoped)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                achievements.Add(reader.GetKey(0));
                var brand = reader.GetKey(1);
                foreach (var task in TaskCodes(reader))
                {
                    work.Add((brand, task));
                }
            }
        }

        if (achievements.Count == 0)
        {
            return 0;
        }

        // The tasks and the achievements marked done commit together, on the run's connection.
        await using var transaction = await run.BeginPhaseAsync(cancellationToken);
        var completed = await journey.CompleteFromMilestonesAsync(run.Db, work, cancellationToken);
        var now = clock.GetUtcNow();
        await run.Db.MilestoneAchievements
            .Where(a => achievements.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TasksCompletedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return completed;
    }

    /// <summary>A definition's task codes: JSON text on SQLite, a <c>text[]</c> on PostgreSQL.</summary>
    private static IEnumerable<string> TaskCodes(System.Data.Common.DbDataReader reader) =>
        reader.GetFieldType(2) == typeof(string)
            ? JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? []
            : reader.GetFieldValue<string[]>(2);
}
