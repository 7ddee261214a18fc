namespace HelpCrunchGen.Runtime.Tests.Infrastructure;

/// <summary>Reads the HelpCrunch samples in <c>shared/examples/helpcrunch</c>, found by walking up from the test binaries.</summary>
internal static class SharedExamples
{
    public static string Read(string fileName)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string examples = Path.Combine(directory.FullName, "shared", "examples");
            if (Directory.Exists(examples))
            {
                return File.ReadAllText(Path.Combine(examples, "helpcrunch", fileName));
            }
        }

        throw new DirectoryNotFoundException($"No shared/examples folder above {AppContext.BaseDirectory}.");
    }
}
