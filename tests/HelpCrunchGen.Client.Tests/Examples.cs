namespace HelpCrunchGen.Client.Tests;

/// <summary>The API documentation's JSON payloads, copied into <c>tests/data/helpcrunch</c> (see its SOURCES.md).</summary>
internal static class Examples
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "tests", "data", "helpcrunch");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HelpCrunchGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("HelpCrunchGen.sln not found above " + AppContext.BaseDirectory);
    }
}
