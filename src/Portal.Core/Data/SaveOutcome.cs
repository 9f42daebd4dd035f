using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>Saving a command's changes as an <see cref="Outcome"/>.</summary>
public static class SaveOutcome
{
    /// <summary>
    /// Saves; a concurrency conflict (someone saved the same row since it was read) becomes a refusal with
    /// <paramref name="concurrentRefusal"/> instead of an exception.
    /// </summary>
    public static async Task<Outcome> SaveOrRefuseAsync(this DbContext db, string concurrentRefusal, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Fail(concurrentRefusal);
        }
    }
}
