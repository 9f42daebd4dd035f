namespace Portal.Testing;

/// <summary>The checkout the tests run from: the folder holding Portal.sln, found above the test binaries.</summary>
public static class Repository
{
    private static readonly Lazy<string> Found = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => Found.Value;
}
