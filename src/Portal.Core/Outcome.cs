namespace Portal.Core;

/// <summary>The result of a command: success, or messages (already localized) saying why not.</summary>
public record Outcome(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly Outcome Ok = new(true, []);

    /// <summary>
    /// Whether the command was refused because what it names does not exist for the caller (or the caller may
    /// not know that it does). Pages show the message like any other; an HTTP API answers 404 instead of 400.
    /// </summary>
    public bool NotFound { get; init; }

    public static Outcome Fail(params string[] errors) => new(false, errors.Distinct().ToList());

    public static Outcome Fail(IEnumerable<string> errors) => new(false, errors.Distinct().ToList());
}

/// <summary>A successful command's value, or messages saying why not.</summary>
public sealed record Outcome<T>(bool Succeeded, IReadOnlyList<string> Errors, T? Value) : Outcome(Succeeded, Errors)
{
    public static Outcome<T> Success(T value) => new(true, [], value);

    public static new Outcome<T> Fail(params string[] errors) => new(false, errors.Distinct().ToList(), default);

    public static new Outcome<T> Fail(IEnumerable<string> errors) => new(false, errors.Distinct().ToList(), default);

    /// <summary>A refusal because the subject does not exist for the caller (<see cref="Outcome.NotFound"/>).</summary>
    public static Outcome<T> Missing(string error) => new(false, [error], default) { NotFound = true };
}
