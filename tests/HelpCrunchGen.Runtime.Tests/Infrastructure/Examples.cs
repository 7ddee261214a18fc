namespace HelpCrunchGen.Runtime.Tests.Infrastructure;

/// <summary>The API documentation's JSON payloads, copied into <c>tests/data/helpcrunch</c> (see its SOURCES.md).</summary>
internal static class Examples
{
    private static readonly string s_directory = Path.Combine(FindRepositoryRoot(), "tests", "data", "helpcrunch");

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(s_directory, fileName));

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HelpCrunchGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"HelpCrunchGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
