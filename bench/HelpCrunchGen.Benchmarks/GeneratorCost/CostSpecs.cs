using System.Globalization;
using HelpCrunchGen.Benchmarks.Generator;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Benchmarks.GeneratorCost;

/// <summary>
/// The specs the generator-cost table measures: synthetic specs of 100, 1,000 and 5,000 operations, spec/helpcrunch.yaml,
/// and every real-world document in tests/data/specs. A spec is named by a string a child process can be handed.
/// </summary>
internal static class CostSpecs
{
    public static readonly int[] SyntheticSizes = [100, 1000, 5000];

    private const string SyntheticPrefix = "synthetic-";

    public static IEnumerable<string> All()
    {
        foreach (int size in SyntheticSizes)
        {
            yield return SyntheticPrefix + size.ToString(CultureInfo.InvariantCulture);
        }

        yield return "helpcrunch";
        string directory = Path.Combine(SpecExamples.RepositoryRoot, "tests", "data", "specs");
        if (Directory.Exists(directory))
        {
            foreach (string file in Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                yield return Path.GetFileName(file);
            }
        }
    }

    public static GeneratorInputs Load(string name)
    {
        if (name.StartsWith(SyntheticPrefix, StringComparison.Ordinal))
        {
            int operations = int.Parse(name.AsSpan(SyntheticPrefix.Length), CultureInfo.InvariantCulture);
            return new GeneratorInputs(name, SyntheticSpec.ForOperations(operations));
        }

        string path = name == "helpcrunch"
            ? SpecExamples.SpecPath
            : Path.Combine(SpecExamples.RepositoryRoot, "tests", "data", "specs", name);
        return new GeneratorInputs(name, File.ReadAllText(path));
    }

    /// <summary>
    /// Operations under <c>paths</c> (what the client gets a method for) and component schemas, counted with
    /// YamlDotNet independently of the generator. Webhooks and callbacks are not operations of the client.
    /// </summary>
    public static (int Operations, int Schemas) Count(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return (CountOperationLines(yaml), -1); // YamlDotNet refuses it unaided (the generator works around that)
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (0, 0);
        }

        int operations = 0;
        if (Child(root, "paths") is YamlMappingNode paths)
        {
            foreach (YamlNode item in paths.Children.Values)
            {
                if (item is YamlMappingNode pathItem)
                {
                    operations += pathItem.Children.Keys.Count(k => k is YamlScalarNode { Value: "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace" });
                }
            }
        }

        int schemas = Child(root, "components") is YamlMappingNode components && Child(components, "schemas") is YamlMappingNode all
            ? all.Children.Count
            : 0;
        return (operations, schemas);
    }

    /// <summary>Under a top-level <c>paths:</c>, the lines one level below a path that name an HTTP method.</summary>
    private static int CountOperationLines(string yaml)
    {
        int count = 0;
        int pathIndent = -1;
        int methodIndent = -1;
        bool inPaths = false;
        foreach (string line in yaml.Split('\n'))
        {
            string trimmed = line.TrimStart(' ');
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            int indent = line.Length - trimmed.Length;
            if (indent == 0)
            {
                inPaths = trimmed.StartsWith("paths:", StringComparison.Ordinal);
                continue;
            }

            if (!inPaths)
            {
                continue;
            }

            if (pathIndent < 0 || indent == pathIndent)
            {
                pathIndent = indent;
                continue;
            }

            if (methodIndent < 0)
            {
                methodIndent = indent;
            }

            if (indent == methodIndent && s_methodKeys.Any(m => trimmed.StartsWith(m, StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    private static readonly string[] s_methodKeys = ["get:", "put:", "post:", "delete:", "options:", "head:", "patch:", "trace:"];

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;
}
