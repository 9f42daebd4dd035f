namespace Portal.IntegrationTests.Infrastructure;

/// <summary>A folder under the system temp path, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    private readonly List<Action> _onDispose = [];

    /// <summary>Runs <paramref name="cleanUp"/> when the directory is disposed (a PostgreSQL database that belongs to its host).</summary>
    public void OnDispose(Action cleanUp)
    {
        lock (_onDispose)
        {
            _onDispose.Add(cleanUp);
        }
    }

    public void Dispose()
    {
        List<Action> cleanUps;
        lock (_onDispose)
        {
            cleanUps = [.. _onDispose];
            _onDispose.Clear();
        }

        foreach (var cleanUp in cleanUps)
        {
            cleanUp();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing host; the OS temp cleaner takes it.
        }
    }
}
