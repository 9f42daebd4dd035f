using Portal.Core;
using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;

namespace Portal.Core.Features.Journey;

/// <summary>
/// A brand's STEPS journey: the board its members and staff see, and the one way a task's state
/// changes. Members of the brand (and a provider's people while it delegates STEPS tasks) change tasks; staff only look. Works without an HTTP context, so
/// the milestone job can complete tasks too.
/// </summary>
public sealed class JourneyService(
    IDbContextFactory<PortalDbContext> dbFactory,
    BrandDirectory brands,
    IValidator<TaskEvidence> evidenceValidator,
    IStringLocalizer<JourneyCoreStrings> strings,
    TimeProvider clock)
{
    /// <summary>The brand's board if <paramref name="user"/> may see the brand (member or staff); otherwise null.</summary>
    public async Task<JourneyBoard?> GetBoardAsync(ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken = default)
    {
        var brand = await brands.FindAccessibleAsync(user, brandCode, cancellationToken);
        if (brand is null || !brand.Sees(DelegatedArea.StepsTasks))
        {
            return null;
        }

        var areas = await GetAreasAsync(brand.Id, cancellationToken);
        return new JourneyBoard(brand, CanChange: brand.MayWork(DelegatedArea.StepsTasks), areas);
    }

    /// <summary>Every area in the recommended order with the brand's state of its active tasks. No access check: for callers that made one.</summary>
    public async Task<IReadOnlyList<AreaProgress>> GetAreasAsync(Guid brandId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var playbook = await db.PlaybookTasks.AsNoTracking().Where(t => t.IsActive).ToListAsync(cancellationToken);
        var states = await db.BrandTasks.AsNoTracking().Where(t => t.BrandId == brandId).ToDictionaryAsync(t => t.PlaybookTaskId, cancellationToken);
        var completedBy = states.Values.Where(s => s.CompletedByUserId is not null).Select(Completer).ToList();
        // A provider's person is named with the provider they completed it for, so the brand sees who did the work for it.
        var names = await ActorNames.ResolveAsync(db, completedBy, cancellationToken);

        return StepsAreas.InRecommendedOrder
            .Select(area => new AreaProgress(area, playbook
                .Where(t => t.Area == area)
                .OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal)
                .Select(t => View(t, states.GetValueOrDefault(t.Id), names))
                .ToList()))
            .ToList();
    }

    /// <summary>
    /// Sets a task's status, the one way a task changes. <see cref="CompletionSource.Manual"/>
    /// changes need <paramref name="actorUserId"/> to be a member of the brand (any role): staff
    /// who are not members are refused. <see cref="CompletionSource.Milestone"/> changes come from
    /// the system and need no user. Marking done records who, when and how; marking a done task
    /// done again keeps its first completion; re-opening clears it. <paramref name="evidence"/>
    /// replaces the note and link; null keeps them.
    /// </summary>
    public async Task<Outcome> SetTaskStatusAsync(
        Guid brandId,
        string taskCode,
        BrandTaskStatus status,
        TaskEvidence? evidence,
        CompletionSource source,
        Guid? actorUserId,
        CancellationToken cancellationToken = default)
    {
        if (evidence is not null)
        {
            var validation = await evidenceValidator.ValidateAsync(evidence, cancellationToken);
            if (!validation.IsValid)
            {
                return Outcome.Fail(validation.Errors.Select(e => e.ErrorMessage));
            }
        }

        var change = new StatusChange(brandId, taskCode, status, evidence, source, actorUserId);
        try
        {
            return await ApplyAsync(change, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved the brand's first status of this task meanwhile (one row a brand and task, a unique index):
            // this change then applies over theirs, as had the two come one after the other. Once: the row is there now.
            return await ApplyAsync(change, cancellationToken);
        }
    }

    private async Task<Outcome> ApplyAsync(StatusChange change, CancellationToken cancellationToken)
    {
        var (brandId, taskCode, status, evidence, source, actorUserId) = change;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (source == CompletionSource.Manual)
        {
            // Members, and a provider's people while the brand delegates STEPS tasks to it.
            var member = actorUserId is { } userId
                && await BrandDirectory.MayWorkAsync(db, userId, brandId, DelegatedArea.StepsTasks, clock, cancellationToken);
            if (!member)
            {
                return Outcome.Fail(strings["Journey_MembersOnly"]);
            }
        }
        else if (!await db.Brands.AnyAsync(b => b.Id == brandId, cancellationToken))
        {
            return Outcome.Fail(strings["Journey_BrandNotFound"]);
        }

        var task = await db.PlaybookTasks.SingleOrDefaultAsync(t => t.Code == taskCode && t.IsActive, cancellationToken);
        if (task is null)
        {
            return Outcome.Fail(strings["Journey_TaskNotFound", taskCode]);
        }

        var row = await db.BrandTasks.SingleOrDefaultAsync(t => t.BrandId == brandId && t.PlaybookTaskId == task.Id, cancellationToken);
        if (row is null)
        {
            row = new BrandTask { BrandId = brandId, PlaybookTaskId = task.Id, Status = BrandTaskStatus.NotStarted };
            db.BrandTasks.Add(row);
        }

        var now = clock.GetUtcNow();
        if (status == BrandTaskStatus.Done && row.Status != BrandTaskStatus.Done)
        {
            row.CompletedAt = now;
            row.CompletionSource = source;
            row.CompletedByUserId = source == CompletionSource.Manual ? actorUserId : null;
            row.CompletedByProviderId = row.CompletedByUserId is { } by ? await Delegations.OnBehalfOfAsync(db, by, brandId, clock, cancellationToken) : null;
        }
        else if (status != BrandTaskStatus.Done)
        {
            row.CompletedAt = null;
            row.CompletionSource = null;
            row.CompletedByUserId = null;
            row.CompletedByProviderId = null;
        }

        row.Status = status;
        if (evidence is not null)
        {
            row.EvidenceNote = Clean(evidence.Note);
            row.EvidenceLink = Clean(evidence.Link);
        }

        // A repeated call (a milestone job run twice) writes nothing.
        if (db.ChangeTracker.HasChanges())
        {
            row.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// Marks tasks done because milestones were reached (source: milestone), many brands in one
    /// statement: the metrics evaluation's set-based path. Tasks already done keep how they were
    /// done; unknown or inactive task codes are skipped. Answers how many tasks changed.
    /// </summary>
    public async Task<int> CompleteFromMilestonesAsync(IReadOnlyCollection<(Guid BrandId, string TaskCode)> completions, CancellationToken cancellationToken = default)
    {
        if (completions.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await CompleteFromMilestonesAsync(db, completions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// As the overload without a context, but on the
    /// caller's context and inside the transaction it has open (the metrics evaluation's, so the tasks commit with
    /// the achievements marked done, on the connection it already holds).
    /// </summary>
    public async Task<int> CompleteFromMilestonesAsync(PortalDbContext db, IReadOnlyCollection<(Guid BrandId, string TaskCode)> completions, CancellationToken cancellationToken = default)
    {
        if (completions.Count == 0)
        {
            return 0;
        }

        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Open a transaction first: the tasks and their portfolio refresh commit together.");
        var now = clock.GetUtcNow();
        var values = StoredValues.For(db.Database);
        var json = StoredValues.Rows(completions.Select(c => new object[] { values.Key(c.BrandId), c.TaskCode }));
        var changed = await db.Database.ExecuteSqlRawAsync(JourneySql.CompleteFromMilestones(values), [json, values.Instant(now)], cancellationToken);
        // The rows' STEPS progress: the brands queue their portfolio refresh with the tasks (the caller dispatches).
        await Portfolio.PortfolioRefreshQueue.EnqueueAsync(
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), completions.Select(c => c.BrandId), now, cancellationToken);
        return changed;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static JourneyTaskView View(PlaybookTask task, BrandTask? state, IReadOnlyDictionary<ActorRef, string> names) =>
        new(
            task.Id,
            task.Code,
            task.Area,
            task.SortOrder,
            task.TitleZh,
            task.TitleEn,
            task.DescriptionZh,
            task.DescriptionEn,
            state?.Status ?? BrandTaskStatus.NotStarted,
            state?.EvidenceNote,
            state?.EvidenceLink,
            state?.CompletedByUserId is not null ? names.GetValueOrDefault(Completer(state)) : null,
            state?.CompletedAt,
            state?.CompletionSource);

    private static ActorRef Completer(BrandTask task) => new(task.CompletedByUserId!.Value, task.CompletedByProviderId);

    /// <summary>One call of <see cref="SetTaskStatusAsync"/>, applied once more when its first save lost a race.</summary>
    private sealed record StatusChange(Guid BrandId, string TaskCode, BrandTaskStatus Status, TaskEvidence? Evidence, CompletionSource Source, Guid? ActorUserId);
}
