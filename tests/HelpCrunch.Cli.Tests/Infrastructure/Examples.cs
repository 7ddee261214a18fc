namespace HelpCrunch.Cli.Tests.Infrastructure;

/// <summary>The API documentation's JSON payloads, carried in <c>tests/data/helpcrunch</c> (see its SOURCES.md).</summary>
internal static class Examples
{
    private static readonly string Directory = Path.Combine(RepositoryRoot.Path, "tests", "data", "helpcrunch");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));
}

/// <summary>The directory holding HelpCrunchGen.sln, found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "HelpCrunchGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"HelpCrunchGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
