using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Administration;

namespace Portal.Core.Features.AdminConfig;

/// <summary>What every editor form carries: the row it edits (null for a new one) and the revision it was read at.</summary>
public abstract class ConfigForm
{
    public Guid? Id { get; set; }

    public int Revision { get; set; }

    public bool IsNew => Id is null;
}

/// <summary>
/// The shape every administration editor shares: list, add, edit, deactivate and reactivate a
/// configuration row. Administrators only, checked on every call; forms are validated with their
/// FluentValidation validator; edits and (de)activation carry the revision the admin saw, so a
/// change made meanwhile by another admin is refused instead of overwritten. Rows are never deleted:
/// brands, documents and achievements refer to them.
/// </summary>
public abstract class ConfigEditorService<TEntity, TForm>(
    IDbContextFactory<PortalDbContext> dbFactory,
    IValidator<TForm> validator,
    IStringLocalizer<AdminConfigStrings> strings,
    TimeProvider clock)
    where TEntity : class, IAdminEditable
    where TForm : ConfigForm
{
    protected IStringLocalizer<AdminConfigStrings> Strings => strings;

    /// <summary>Every row, active or not, in display order; null for anyone but an administrator.</summary>
    public async Task<IReadOnlyList<TEntity>?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, user, clock, cancellationToken) is null)
        {
            return null;
        }

        return await Order(db.Set<TEntity>().AsNoTracking()).ToListAsync(cancellationToken);
    }

    /// <summary>A form filled from <paramref name="entity"/>, to edit it.</summary>
    public abstract TForm Edit(TEntity entity);

    /// <summary>Adds (no id) or updates a row from <paramref name="form"/>; answers the row's id.</summary>
    public async Task<Outcome<Guid>> SaveAsync(ClaimsPrincipal user, TForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, user, clock, cancellationToken) is null)
        {
            return Outcome<Guid>.Fail(strings["AdminConfig_Refused_AdminOnly"]);
        }

        // The audit trail names this admin, however the call arrived (page, test, job).
        using var audit = Audit.AuditScope.Begin(user);

        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome<Guid>.Fail(result.Errors.Select(e => e.ErrorMessage));
        }

        TEntity entity;
        if (form.Id is { } id)
        {
            var existing = await db.Set<TEntity>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (existing is null)
            {
                return Outcome<Guid>.Fail(strings["AdminConfig_Refused_NotFound"]);
            }

            if (existing.Revision != form.Revision)
            {
                return Outcome<Guid>.Fail(strings["AdminConfig_Refused_Conflict"]);
            }

            entity = existing;
        }
        else
        {
            entity = Create(form);
            db.Set<TEntity>().Add(entity);
        }

        var problems = await CheckAsync(db, form, entity, cancellationToken);
        if (problems.Count > 0)
        {
            return Outcome<Guid>.Fail(problems);
        }

        if (!form.IsNew)
        {
            Apply(form, entity);
            Bump(db, entity, form.Revision);
        }

        return await SaveChangesAsync(db, cancellationToken) is { } failure ? Outcome<Guid>.Fail(failure) : Outcome<Guid>.Success(entity.Id);
    }

    /// <summary>Deactivates (<paramref name="active"/> false) or reactivates a row read at <paramref name="revision"/>.</summary>
    public async Task<Outcome> SetActiveAsync(ClaimsPrincipal user, Guid id, bool active, int revision, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, user, clock, cancellationToken) is null)
        {
            return Outcome.Fail(strings["AdminConfig_Refused_AdminOnly"]);
        }

        using var audit = Audit.AuditScope.Begin(user);
        var entity = await db.Set<TEntity>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return Outcome.Fail(strings["AdminConfig_Refused_NotFound"]);
        }

        if (entity.Revision != revision)
        {
            return Outcome.Fail(strings["AdminConfig_Refused_Conflict"]);
        }

        if (entity.IsActive == active)
        {
            return Outcome.Ok;
        }

        entity.IsActive = active;
        Bump(db, entity, revision);
        return await SaveChangesAsync(db, cancellationToken) is { } failure ? Outcome.Fail(failure) : Outcome.Ok;
    }

    protected abstract IQueryable<TEntity> Order(IQueryable<TEntity> rows);

    /// <summary>A new row from a valid form.</summary>
    protected abstract TEntity Create(TForm form);

    /// <summary>Copies a valid form onto an existing row (codes other rows refer to stay as they are).</summary>
    protected abstract void Apply(TForm form, TEntity entity);

    /// <summary>Checks that need the database (unique codes, references); localized messages, empty when fine.</summary>
    protected virtual Task<List<string>> CheckAsync(PortalDbContext db, TForm form, TEntity entity, CancellationToken cancellationToken) =>
        Task.FromResult(new List<string>());

    private static void Bump(PortalDbContext db, TEntity entity, int readRevision)
    {
        // The UPDATE's WHERE carries the revision the admin read: a save in between makes it match no row.
        db.Entry(entity).Property(e => e.Revision).OriginalValue = readRevision;
        entity.Revision = readRevision + 1;
    }

    private async Task<string?> SaveChangesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return strings["AdminConfig_Refused_Conflict"];
        }
        catch (DbUpdateException race) when (UniqueViolation.Is(race))
        {
            // A unique index caught what CheckAsync could not (another admin added the same code meanwhile).
            return strings["AdminConfig_Refused_Duplicate"];
        }
    }
}
