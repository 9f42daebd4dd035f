using System.Text.RegularExpressions;

namespace Portal.UnitTests.Core;

/// <summary>
/// The product reads time only through the injected <see cref="TimeProvider"/> (the app's clock, which
/// tests and browser suites start and move). A feature that reads the machine's clock cannot be tested
/// on a day of the test's choosing, and is the next time bomb; this finds one before its date comes.
/// </summary>
public sealed partial class ClockUseTests
{
    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(Now|UtcNow|Today)\b")]
    private static partial Regex MachineClock();

    /// <summary>The machine's clock as a provider: product code names it only where the app's clock is built on it.</summary>
    [GeneratedRegex(@"\bTimeProvider\.System\b")]
    private static partial Regex SystemTimeProvider();

    private const string ClockRegistration = "PortalCoreExtensions.cs";

    /// <summary>A test class declared at the top of its file (file-scoped namespace): the name the test run filters by.</summary>
    [GeneratedRegex(@"^(public |internal )?((sealed|static|abstract|partial) )*class (?<name>\w+)")]
    private static partial Regex TopLevelClass();

    [Fact]
    public void ProductCode_NeverReadsTheMachinesClock()
    {
        var src = Path.Combine(Repository.Root, "src");
        var offenders = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => (MachineClock().IsMatch(l.Text) || (SystemTimeProvider().IsMatch(l.Text) && Path.GetFileName(l.File) != ClockRegistration))
                && !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("read time from the injected TimeProvider (PortalClock) instead");
    }

    [Fact]
    public void CoreTestsThatReadTheMachinesClock_AreInTheYearAheadRun()
    {
        // scripts/test.sh runs only some tests a year ahead (PLUS365D_SUITE): the Web and Jobs tests, and the
        // Core test classes it names. A Core test that starts reading the machine's clock must be named there too.
        var root = Repository.Root;
        var script = File.ReadAllText(Path.Combine(root, "scripts", "test.sh"));
        var suite = script.Split('\n').Single(l => l.StartsWith("PLUS365D_SUITE=", StringComparison.Ordinal));
        var core = Path.Combine(root, "tests", "Portal.IntegrationTests", "Core");
        var missing = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ClassesReadingTheMachinesClock(f).Select(name => (File: f, Class: name)))
            // Covered by name, or by its namespace (the folders below Core, e.g. Features/Accounts).
            .Where(c => !suite.Contains(c.Class, StringComparison.Ordinal)
                && !suite.Contains("Portal.IntegrationTests.Core." + Path.GetRelativePath(core, Path.GetDirectoryName(c.File)!).Replace(Path.DirectorySeparatorChar, '.') + ".", StringComparison.Ordinal))
            .Select(c => $"{Path.GetRelativePath(core, c.File)}: {c.Class}")
            .ToList();

        suite.ShouldContain("Kind!=Fault");
        missing.ShouldBeEmpty("add these test classes to PLUS365D_SUITE in scripts/test.sh: they read the machine's clock");
    }

    /// <summary>The top-level classes of a file with a read of the machine's clock in their lines (a file may hold several).</summary>
    private static IEnumerable<string> ClassesReadingTheMachinesClock(string file)
    {
        string? current = null;
        var found = new HashSet<string>();
        foreach (var line in File.ReadLines(file))
        {
            if (TopLevelClass().Match(line) is { Success: true } declared)
            {
                current = declared.Groups["name"].Value;
            }
            else if (current is not null && MachineClock().IsMatch(line) && !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                found.Add(current);
            }
        }

        return found;
    }

    [Fact]
    public void ClassesOfAFile_AreToldApart_WhenOnlyTheSecondReadsTheClock()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["namespace X;", "public sealed class FirstTests", "{", "}", "", "public sealed class SecondTests", "{", "    var d = DateTime.UtcNow;", "}"]);

            ClassesReadingTheMachinesClock(file).ShouldBe(["SecondTests"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MachineClockPattern_FindsTheReadsItMustFind()
    {
        MachineClock().IsMatch("var d = DateTime.Today;").ShouldBeTrue();
        MachineClock().IsMatch("x = DateTimeOffset.UtcNow.AddDays(1)").ShouldBeTrue();
        MachineClock().IsMatch("clock.GetUtcNow()").ShouldBeFalse();
        MachineClock().IsMatch("DateTimeOffset.UnixEpoch").ShouldBeFalse();
        SystemTimeProvider().IsMatch("OfAsync(db, user, id, area, TimeProvider.System, token)").ShouldBeTrue();
    }
}
