namespace Portal.Core;

/// <summary>The result of a command: success, or messages (already localized) saying why not.</summary>
public record Outcome(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly Outcome Ok = new(true, []);

    public static Outcome Fail(params string[] errors) => new(false, errors.Distinct().ToList());

    public static Outcome Fail(IEnumerable<string> errors) => new(false, errors.Distinct().ToList());
}

/// <summary>A successful command's value, or messages saying why not.</summary>
public sealed record Outcome<T>(bool Succeeded, IReadOnlyList<string> Errors, T? Value) : Outcome(Succeeded, Errors)
{
    public static Outcome<T> Success(T value) => new(true, [], value);

    public static new Outcome<T> Fail(params string[] errors) => new(false, errors.Distinct().ToList(), default);

    public static new Outcome<T> Fail(IEnumerable<string> errors) => new(false, errors.Distinct().ToList(), default);
}
