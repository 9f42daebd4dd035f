using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Audit;

/// <summary>
/// The .NET type of each audited property, from the EF model, so a stored old or new value (text in
/// <see cref="AuditEntry.Changes"/>) can be written for a reader as what it is: a status in words, a yes
/// or no, a time on the platform's clock. Keyed by the record type the audit trail names.
/// </summary>
public sealed class AuditValueTypes
{
    private readonly Dictionary<(string Type, string Property), Type> _types = [];

    public AuditValueTypes(IDbContextFactory<PortalDbContext> dbFactory)
    {
        using var db = dbFactory.CreateDbContext();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                _types.TryAdd((entity.ClrType.Name, property.Name), Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType);
            }
        }
    }

    /// <summary>Every enum type an audited record can hold, for the check that each value has words.</summary>
    public IEnumerable<Type> Enums => _types.Values.Where(t => t.IsEnum).Distinct();

    /// <summary>The property's type (nullable unwrapped), or null for a record type or property the model does not know.</summary>
    public Type? Of(string recordType, string property) => _types.GetValueOrDefault((recordType, property));
}
