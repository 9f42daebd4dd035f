using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Portal.Core.Data;

/// <summary>
/// Text against its column's limit (the model's <c>HasMaxLength</c>), checked before a save: PostgreSQL refuses an
/// over-long value with an exception, SQLite stores it silently; either way the person should be told which field is
/// too long, and nothing written. One place that knows where the limits are, so a service names none of them.
/// </summary>
public static class StoredText
{
    /// <summary>The column limit of <typeparamref name="TEntity"/>'s text property <paramref name="property"/>; null when it has none.</summary>
    public static int? Limit<TEntity>(DbContext db, string property) =>
        db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength();

    /// <summary>
    /// The text about to be written (every property of an added entity, the changed ones of a changed entity) that is
    /// longer than its column allows. A value stored before and left alone is not this save's to refuse.
    /// </summary>
    public static IReadOnlyList<(string Property, int Max)> TooLong(DbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .SelectMany(e => e.Properties.Where(p => e.State == EntityState.Added || p.IsModified))
            .Where(p => p.CurrentValue is string text && p.Metadata.GetMaxLength() is { } max && text.Length > max)
            .Select(p => (p.Metadata.Name, p.Metadata.GetMaxLength()!.Value))
            .Distinct()
            .ToList();

    /// <summary>
    /// One message per over-long field, in <paramref name="strings"/>' language: <c>{tooLong}</c> with the field's label
    /// (<c>Field_{Property}</c>, or <paramref name="otherField"/> when the localizer has no such label) and its limit.
    /// </summary>
    public static IReadOnlyList<string> Refusals(DbContext db, IStringLocalizer strings, string tooLong, string otherField) =>
        Words(TooLong(db), strings, tooLong, otherField);

    /// <summary>
    /// As <see cref="Refusals(DbContext, IStringLocalizer, string, string)"/>, for values not yet on an entity (checked
    /// before other work, such as storing an upload's file): each (property of <typeparamref name="TEntity"/>, value) pair.
    /// </summary>
    public static IReadOnlyList<string> Refusals<TEntity>(
        DbContext db, IStringLocalizer strings, string tooLong, string otherField, params (string Property, string? Value)[] values) =>
        Words(
            values.Select(v => (v.Property, v.Value, Max: Limit<TEntity>(db, v.Property)))
                .Where(v => v.Value?.Length > v.Max)
                .Select(v => (v.Property, v.Max!.Value)),
            strings, tooLong, otherField);

    private static IReadOnlyList<string> Words(IEnumerable<(string Property, int Max)> tooLong, IStringLocalizer strings, string message, string otherField) =>
        tooLong
            .Select(p => strings[message, Label(strings, p.Property, otherField), p.Max].Value)
            .Distinct() // one text kept in two columns (a decision's note on the document and in its history) is told once
            .ToList();

    private static string Label(IStringLocalizer strings, string property, string otherField) =>
        strings[$"Field_{property}"] is { ResourceNotFound: false } label ? label : strings[otherField];
}
