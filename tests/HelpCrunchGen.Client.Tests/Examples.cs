namespace HelpCrunchGen.Client.Tests;

/// <summary>The API documentation's JSON payloads in ../shared/examples/helpcrunch.</summary>
internal static class Examples
{
    public static string Directory { get; } = FindExamples();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string FindExamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "examples", "helpcrunch");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/examples/helpcrunch not found above " + AppContext.BaseDirectory);
    }
}
