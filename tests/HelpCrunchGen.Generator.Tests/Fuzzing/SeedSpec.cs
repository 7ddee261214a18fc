using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>A spec the mutator starts from, parsed once and cloned for every case.</summary>
internal sealed record SeedSpec(string Name, string Text, YMap Tree)
{
    /// <summary>Seed specs over this size would make each case too slow to generate and compile.</summary>
    private const long MaxBytes = 300 * 1024;

    /// <summary>
    /// spec/helpcrunch.yaml, then every tests/data/specs/*.yaml|*.yml|*.json under 300 KB, in name order,
    /// so that a spec added there joins the fuzzing without a code change.
    /// </summary>
    public static IReadOnlyList<SeedSpec> LoadAll()
    {
        var files = new List<string> { TestPaths.HelpCrunchSpec };
        string data = Path.Combine(TestPaths.RepositoryRoot, "tests", "data", "specs");
        if (Directory.Exists(data))
        {
            files.AddRange(Directory.EnumerateFiles(data)
                .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json" && new FileInfo(f).Length < MaxBytes)
                .Order(StringComparer.Ordinal));
        }

        return files.Select(Load).ToList();
    }

    private static SeedSpec Load(string path)
    {
        string text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (YNode.From(stream.Documents[0]) is not YMap tree)
        {
            throw new InvalidOperationException(path + " is not a mapping at the root: not an OpenAPI document");
        }

        return new SeedSpec(Path.GetFileName(path), text, tree);
    }
}
