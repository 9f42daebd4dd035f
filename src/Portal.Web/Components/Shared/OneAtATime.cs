namespace Portal.Web.Components.Shared;

/// <summary>
/// A page's actions that must not overlap: while one runs, <see cref="Busy"/> disables the buttons that start them, and
/// a click that still comes (a double click before the render) does nothing. A second click would otherwise repeat the
/// action (a second invitation e-mail, a second decision and its notices) or act on a list about to change.
/// A component's code runs one piece at a time on its renderer, so a flag is enough.
/// </summary>
public sealed class OneAtATime
{
    public bool Busy { get; private set; }

    /// <summary>Runs <paramref name="action"/> unless another is running.</summary>
    public async Task RunAsync(Func<Task> action)
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            await action();
        }
        finally
        {
            Busy = false;
        }
    }
}
