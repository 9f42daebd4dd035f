using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Portal.Core.Features.Audit;

/// <summary>Turns a tracked change into the audit trail's old/new pairs, without secrets.</summary>
public static class AuditChanges
{
    /// <summary>What the trail shows instead of a secret's value.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>One property's value before and after.</summary>
    public sealed record Change(object? Old, object? New);

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Chinese names stay readable in the stored JSON and the CSV export.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Properties that only EF or Identity use and that say nothing to a reader.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "ConcurrencyStamp", "ConcurrencyToken", "NormalizedEmail", "NormalizedUserName",
    };

    /// <summary>Whether a property holds a secret: its value never reaches the trail.</summary>
    public static bool IsSecret(string propertyName) =>
        propertyName is "PasswordHash" or "SecurityStamp"
        || propertyName.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || propertyName.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || propertyName.EndsWith("TokenHash", StringComparison.Ordinal)
        || propertyName.Equals("Payload", StringComparison.Ordinal);

    /// <summary>The changed properties of an entry: all of them for an insert or delete, the modified ones for an update.</summary>
    /// <param name="entry">The tracked change.</param>
    /// <param name="storedValues">
    /// The row as stored, for an update of a record that was attached rather than loaded (its
    /// original values are then its new ones); null to use the tracked original values.
    /// </param>
    public static Dictionary<string, Change> Describe(EntityEntry entry, PropertyValues? storedValues = null)
    {
        var changes = new Dictionary<string, Change>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Ignored.Contains(name) || property.Metadata.IsShadowProperty() && property.Metadata.IsForeignKey())
            {
                continue;
            }

            object? old = entry.State == EntityState.Added ? null
                : storedValues is not null ? storedValues[property.Metadata]
                : property.OriginalValue;
            object? @new = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(old, @new)))
            {
                continue;
            }

            if (entry.State != EntityState.Modified && old is null && @new is null)
            {
                continue;
            }

            changes[name] = IsSecret(name)
                ? new Change(old is null ? null : Redacted, @new is null ? null : Redacted)
                : new Change(old, @new);
        }

        return changes;
    }

    /// <summary>Reads a stored <see cref="AuditEntry.Changes"/> back as property, old and new text.</summary>
    public static IReadOnlyList<(string Property, string? Old, string? New)> Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject()
                .Select(p => (p.Name, Text(p.Value, "old"), Text(p.Value, "new")))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement change, string name) =>
        change.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        } : null;
}
