namespace HelpCrunchGen.Generator.Tests;

/// <summary>Locates the repository and the test data inside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string HelpCrunchSpec => Path.Combine(RepositoryRoot, "spec", "helpcrunch.yaml");

    /// <summary>OpenAPI documents written by others, kept byte-for-byte (see its README.md).</summary>
    public static string RealWorldSpecs => Path.Combine(RepositoryRoot, "tests", "data", "specs");

    public static string Snapshots => Path.Combine(RepositoryRoot, "tests", "HelpCrunchGen.Generator.Tests", "Snapshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HelpCrunchGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("HelpCrunchGen.sln not found above " + AppContext.BaseDirectory);
    }
}
