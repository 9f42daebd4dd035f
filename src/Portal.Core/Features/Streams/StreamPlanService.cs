using Portal.Core;
using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;

namespace Portal.Core.Features.Streams;

/// <summary>A plan as its page shows it, with whether the reader may change it.</summary>
/// <param name="PlannedBy">Who created the plan, as the brand's pages name people (with their provider: <see cref="ActorNames"/>).</param>
public sealed record StreamPlanView(StreamPlan Plan, bool CanEdit, string? PlannedBy = null);

/// <summary>A stream as a calendar shows it; <see cref="StartAt"/> is in China Standard Time.</summary>
public sealed record StreamCalendarItem(Guid Id, string Title, DateTimeOffset StartAt, int PlannedMinutes, string Host, StreamStatus Status)
{
    public DateOnly Day => DateOnly.FromDateTime(StartAt.DateTime);
}

/// <summary>A brand's calendar for a range of China days, with whether the reader may plan streams.</summary>
public sealed record StreamCalendar(DateOnly From, DateOnly To, IReadOnlyList<StreamCalendarItem> Streams, bool CanEdit);

/// <summary>
/// Plans, calendars, state changes and results of a brand's live streams. Every call checks the
/// caller's <see cref="BrandRight"/> for the brand, and that the plan belongs to that brand: a plan
/// is never reachable through another brand's address. Members edit; staff only read.
/// </summary>
public sealed class StreamPlanService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IValidator<StreamPlan> planValidator,
    IValidator<StreamResults> resultsValidator,
    IStringLocalizer<StreamCoreStrings> strings,
    TimeProvider clock)
{
    /// <summary>A new, unsaved plan: tomorrow (China time) at 20:00 for two hours.</summary>
    public StreamPlan NewPlan(Guid brandId)
    {
        var tomorrow = PlatformTime.DayOf(clock.GetUtcNow()).AddDays(1);
        return new StreamPlan { BrandId = brandId, StartAt = PlatformTime.At(tomorrow, new TimeOnly(20, 0)), PlannedMinutes = 120 };
    }

    /// <summary>The plan if it belongs to the brand and the user may see the brand; otherwise null.</summary>
    public async Task<StreamPlanView?> FindAsync(ClaimsPrincipal user, Guid brandId, Guid planId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var right = await BrandRights.OfAsync(db, user, brandId, DelegatedArea.StreamPlans, clock, cancellationToken);
        if (right == BrandRight.None)
        {
            return null;
        }

        var plan = await db.StreamPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.BrandId == brandId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        plan.StartAt = PlatformTime.ToPlatform(plan.StartAt);
        var creator = new ActorRef(plan.CreatedByUserId, plan.CreatedByProviderId);
        var names = await ActorNames.ResolveAsync(db, [creator], cancellationToken);
        return new StreamPlanView(plan, right == BrandRight.Edit, names.GetValueOrDefault(creator));
    }

    /// <summary>The brand's streams in a calendar month (China time); null when the user may not see the brand.</summary>
    public Task<StreamCalendar?> MonthAsync(ClaimsPrincipal user, Guid brandId, int year, int month, CancellationToken cancellationToken = default)
    {
        var (from, to) = PlatformTime.Month(year, month);
        return RangeAsync(user, brandId, from, to, cancellationToken);
    }

    /// <summary>The brand's streams in the Monday-to-Sunday week holding <paramref name="day"/> (China time).</summary>
    public Task<StreamCalendar?> WeekAsync(ClaimsPrincipal user, Guid brandId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var (from, to) = PlatformTime.Week(day);
        return RangeAsync(user, brandId, from, to, cancellationToken);
    }

    /// <summary>The brand's streams starting on the China days from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public async Task<StreamCalendar?> RangeAsync(ClaimsPrincipal user, Guid brandId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var right = await BrandRights.OfAsync(db, user, brandId, DelegatedArea.StreamPlans, clock, cancellationToken);
        if (right == BrandRight.None)
        {
            return null;
        }

        // Stored instants are UTC; the bounds must be too, so their binary encodings compare as instants.
        var fromUtc = PlatformTime.At(from, TimeOnly.MinValue).ToUniversalTime();
        var toUtc = PlatformTime.At(to, TimeOnly.MinValue).ToUniversalTime();
        var rows = await db.StreamPlans.AsNoTracking()
            .Where(p => p.BrandId == brandId && p.StartAt >= fromUtc && p.StartAt < toUtc)
            .OrderBy(p => p.StartAt)
            .Select(p => new { p.Id, p.Title, p.StartAt, p.PlannedMinutes, p.Host, p.Status })
            .ToListAsync(cancellationToken);
        var items = rows
            .Select(p => new StreamCalendarItem(p.Id, p.Title, PlatformTime.ToPlatform(p.StartAt), p.PlannedMinutes, p.Host, p.Status))
            .ToList();
        return new StreamCalendar(from, to, items, right == BrandRight.Edit);
    }

    /// <summary>Saves a new plan as a Draft of the brand.</summary>
    public async Task<Outcome<Guid>> CreateAsync(ClaimsPrincipal user, Guid brandId, StreamPlan draft, CancellationToken cancellationToken = default)
    {
        var validation = await planValidator.ValidateAsync(draft, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Fail(validation.Errors.Select(e => e.ErrorMessage));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefuseEditAsync(db, user, brandId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var userId = BrandDirectory.UserId(user)!.Value;
        var plan = new StreamPlan
        {
            BrandId = brandId,
            Status = StreamStatus.Draft,
            CreatedByUserId = userId,
            CreatedByProviderId = await Delegations.OnBehalfOfAsync(db, userId, brandId, clock, cancellationToken),
        };
        CopyPlan(draft, plan);
        db.StreamPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Success(plan.Id);
    }

    /// <summary>
    /// Saves the plan's header and sections. Only Draft and Ready plans change, and a Ready plan
    /// must stay complete (otherwise it would be Ready without being ready). A plan read before another save is refused;
    /// a saved one carries the new stamp, so the same copy saves again.
    /// </summary>
    public async Task<Outcome<Guid>> SaveAsync(ClaimsPrincipal user, Guid brandId, StreamPlan edited, CancellationToken cancellationToken = default)
    {
        var validation = await planValidator.ValidateAsync(edited, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Fail(validation.Errors.Select(e => e.ErrorMessage));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (plan, refused) = await LoadForEditAsync(db, user, brandId, edited.Id, cancellationToken);
        if (plan is null)
        {
            return refused!;
        }

        if (!StreamWorkflow.IsEditable(plan.Status))
        {
            return Outcome<Guid>.Fail(strings["Stream_Refused_Locked", StatusName(plan.Status)]);
        }

        // The editor sends the whole plan back: one read before another save (a colleague, a provider's operator)
        // would write over it unseen. The plan's last write time, as the editor read it, tells.
        if (edited.UpdatedAt != plan.UpdatedAt)
        {
            return Outcome<Guid>.Fail(strings["Stream_Refused_SavedMeanwhile"]);
        }

        CopyPlan(edited, plan);
        if (plan.Status == StreamStatus.Ready && StageReadiness.Of(plan).Incomplete is { Count: > 0 } incomplete)
        {
            return Outcome<Guid>.Fail(strings["Stream_Refused_ReadyMustStayComplete", SectionNames(incomplete)]);
        }

        // As it reads back from storage, so the editor's copy (given the same stamp below) still matches the stored one
        // when it saves again without reading the plan anew (an action refused after its save).
        plan.UpdatedAt = StoredValues.For(db.Database).RoundTrip(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        edited.UpdatedAt = plan.UpdatedAt;
        return Outcome<Guid>.Success(plan.Id);
    }

    /// <summary>Runs one action of the state machine; a refusal says why.</summary>
    public async Task<Outcome<Guid>> ApplyAsync(ClaimsPrincipal user, Guid brandId, Guid planId, StreamAction action, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (plan, refused) = await LoadForEditAsync(db, user, brandId, planId, cancellationToken);
        if (plan is null)
        {
            return refused!;
        }

        var transition = StreamWorkflow.Check(plan, action);
        if (!transition.Allowed)
        {
            return Outcome<Guid>.Fail(Explain(transition));
        }

        plan.Status = transition.To;
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Success(plan.Id);
    }

    /// <summary>Records (or corrects) what the stream achieved; the plan must be Ready or Done.</summary>
    public async Task<Outcome<Guid>> RecordResultsAsync(ClaimsPrincipal user, Guid brandId, Guid planId, StreamResults results, CancellationToken cancellationToken = default)
    {
        var validation = await resultsValidator.ValidateAsync(results, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Fail(validation.Errors.Select(e => e.ErrorMessage));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (plan, refused) = await LoadForEditAsync(db, user, brandId, planId, cancellationToken);
        if (plan is null)
        {
            return refused!;
        }

        if (!StreamWorkflow.AcceptsResults(plan.Status))
        {
            return Outcome<Guid>.Fail(strings["Stream_Refused_ResultsNotYet", StatusName(plan.Status)]);
        }

        plan.Results = results.Copy();
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Success(plan.Id);
    }

    /// <summary>The localized reason for a refused transition.</summary>
    public string Explain(StreamTransition transition) => transition.Refusal switch
    {
        StreamRefusal.Incomplete => strings["Stream_Refused_Incomplete", SectionNames(transition.Incomplete)],
        StreamRefusal.NoResults => strings["Stream_Refused_NoResults"],
        StreamRefusal.NotFromState => strings["Stream_Refused_NotFromState", strings[$"Action_{transition.Action}"], StatusName(transition.From)],
        _ => "",
    };

    private string StatusName(StreamStatus status) => strings[$"Status_{status}"];

    private string SectionNames(IEnumerable<StageSection> sections) =>
        // Chinese lists use the enumeration comma 、; English a comma and a space.
        string.Join(
            System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "、" : ", ",
            sections.Select(s => strings[$"Stage_{s}"].Value));

    private static void CopyPlan(StreamPlan from, StreamPlan to)
    {
        to.Title = from.Title.Trim();
        to.Host = from.Host.Trim();
        to.StartAt = from.StartAt.ToUniversalTime();
        to.PlannedMinutes = from.PlannedMinutes;
        to.GmvTarget = from.GmvTarget;
        to.Shaping.CopyFrom(from.Shaping);
        to.Timing.CopyFrom(from.Timing);
        to.Flow.CopyFrom(from.Flow);
        to.Gifts.CopyFrom(from.Gifts);
        to.EarlyContent.CopyFrom(from.EarlyContent);
    }

    private async Task<Outcome<Guid>?> RefuseEditAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, CancellationToken cancellationToken) =>
        await BrandRights.OfAsync(db, user, brandId, DelegatedArea.StreamPlans, clock, cancellationToken) switch
        {
            BrandRight.Edit => null,
            BrandRight.View => Outcome<Guid>.Fail(strings["Stream_Refused_ViewOnly"]),
            _ => Outcome<Guid>.Fail(strings["Stream_Refused_NotFound"]),
        };

    private async Task<(StreamPlan? Plan, Outcome<Guid>? Refused)> LoadForEditAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, Guid planId, CancellationToken cancellationToken)
    {
        if (await RefuseEditAsync(db, user, brandId, cancellationToken) is { } refused)
        {
            return (null, refused);
        }

        var plan = await db.StreamPlans.SingleOrDefaultAsync(p => p.Id == planId && p.BrandId == brandId, cancellationToken);
        return plan is null ? (null, Outcome<Guid>.Fail(strings["Stream_Refused_NotFound"])) : (plan, null);
    }
}
