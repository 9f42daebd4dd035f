using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Portal.Core.Features.Journey;

public static class JourneyLimits
{
    public const int NoteLength = 1000;
    public const int LinkLength = 500;
}

/// <summary>What a member writes to show a task's progress: a note and a link (files come with certification).</summary>
public sealed record TaskEvidence(string? Note, string? Link)
{
    public static readonly TaskEvidence None = new(null, null);

    /// <summary>Whether <paramref name="link"/> is an absolute http or https address.</summary>
    public static bool IsWebAddress(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}

public sealed class TaskEvidenceValidator : AbstractValidator<TaskEvidence>
{
    public TaskEvidenceValidator(IStringLocalizer<JourneyCoreStrings> strings)
    {
        RuleFor(e => e.Note)
            .MaximumLength(JourneyLimits.NoteLength).WithMessage(_ => strings["Journey_NoteTooLong", JourneyLimits.NoteLength]);
        RuleFor(e => e.Link)
            .MaximumLength(JourneyLimits.LinkLength).WithMessage(_ => strings["Journey_LinkTooLong", JourneyLimits.LinkLength])
            .Must(TaskEvidence.IsWebAddress).When(e => !string.IsNullOrWhiteSpace(e.Link))
            .WithMessage(_ => strings["Journey_LinkNotWeb"]);
    }
}
