namespace HelpCrunchGen.Generator.Tests;

/// <summary>Locates the repository and the team's shared folder beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string HelpCrunchSpec => Path.Combine(RepositoryRoot, "spec", "helpcrunch.yaml");

    public static string Shared => Path.Combine(Path.GetDirectoryName(RepositoryRoot)!, "shared");

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
