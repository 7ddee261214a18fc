using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HelpCrunchGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// docs/diagnostics.md is what every help link opens: it must have a section per id, and each example in it
/// (a <c>&lt;!-- triggers HCGnnnn --&gt;</c> marker, optional project settings in an <c>xml</c> block, the spec in a
/// <c>yaml</c> block, and the build output in a <c>text</c> block) must be what the generator really reports.
/// </summary>
public sealed class DiagnosticsDocTests
{
    private const string SpecPath = "/project/spec/helpcrunch.yaml";
    private const string ShownSpecPath = "spec/helpcrunch.yaml";

    /// <summary>HCG0012 is a bug of the generator: a spec that triggers it is a bug to fix, not an example to keep.</summary>
    private static readonly string[] s_notTriggerableBySpec = ["HCG0012"];

    private static readonly Regex s_marker = new(@"^<!-- triggers (HCG\d{4}) -->$", RegexOptions.CultureInvariant);

    private static readonly Lazy<string> s_doc = new(() => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md")));

    private static readonly Lazy<IReadOnlyList<DocExample>> s_examples = new(() => DocExample.Parse(s_doc.Value));

    public static TheoryData<string> ExampleNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (DocExample example in s_examples.Value)
            {
                data.Add(example.Name);
            }

            return data;
        }
    }

    [Fact]
    public void Every_descriptor_links_to_its_own_section_of_the_diagnostics_page()
    {
        string repository = RuntimeRepositoryUrl();
        string[] docLines = s_doc.Value.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));

        foreach (DiagnosticDescriptor descriptor in DeclaredDescriptors())
        {
            string anchor = descriptor.Id.ToLowerInvariant();
            Assert.Equal($"{repository}/blob/main/docs/diagnostics.md#{anchor}", descriptor.HelpLinkUri);

            int heading = Array.IndexOf(docLines, "## " + descriptor.Id);
            Assert.True(heading >= 0, $"docs/diagnostics.md has no heading '## {descriptor.Id}'");
            string summary = docLines.Skip(heading + 1).First(l => l.Length > 0);
            Assert.Equal($"{descriptor.Title} — **{descriptor.DefaultSeverity}**", summary);

            Assert.Contains($"[{descriptor.Id}](docs/diagnostics.md#{anchor})", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_page_has_no_section_for_an_id_the_generator_does_not_declare()
    {
        var declared = DeclaredDescriptors().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        string[] documented = Regex.Matches(s_doc.Value, @"^## (HCG\d{4})\r?$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(documented.Distinct(StringComparer.Ordinal), documented);
        Assert.All(documented, id => Assert.Contains(id, declared));
    }

    [Fact]
    public void Every_id_a_spec_can_trigger_has_an_example()
    {
        var exemplified = s_examples.Value.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        string[] missing = DeclaredDescriptors().Select(d => d.Id)
            .Where(id => !exemplified.Contains(id) && !s_notTriggerableBySpec.Contains(id))
            .ToArray();

        Assert.Empty(missing);
        Assert.All(s_notTriggerableBySpec, id => Assert.DoesNotContain(id, exemplified));
    }

    /// <summary>Runs the example's spec with its project settings: the build output shown is exactly what is reported.</summary>
    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void The_example_reports_what_the_page_shows(string name)
    {
        DocExample example = s_examples.Value.Single(e => e.Name == name);
        var harness = new GeneratorHarness(example.RootNamespace ?? "Test.Api", example.LanguageVersion ?? LanguageVersion.Latest);
        harness.AddSpec(SpecPath, example.Yaml, example.Metadata);
        harness.Run();

        string[] reported = harness.GeneratorDiagnostics.Select(Format).ToArray();

        Assert.Contains(reported, line => line.Contains($" {example.Id}: ", StringComparison.Ordinal));
        // The whole output on failure, ready to paste into the page once it is the right one.
        Assert.True(example.Output.SequenceEqual(reported, StringComparer.Ordinal),
            $"docs/diagnostics.md shows for {name}:\n{string.Join('\n', example.Output)}\nbut the generator reports:\n{string.Join('\n', reported)}");
    }

    /// <summary>The line a build prints, with the spec's path relative to the project.</summary>
    private static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(SpecPath, span.Path);
        string severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture,
            $"{ShownSpecPath}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Every descriptor field, found by reflection so that one left out of <c>Descriptors.All</c> is still checked.</summary>
    private static IReadOnlyList<DiagnosticDescriptor> DeclaredDescriptors()
    {
        DiagnosticDescriptor[] descriptors = typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
        Assert.NotEmpty(descriptors);
        return descriptors;
    }

    private static string RuntimeRepositoryUrl()
    {
        string csproj = Path.Combine(TestPaths.RepositoryRoot, "runtime", "HelpCrunchGen.Runtime", "HelpCrunchGen.Runtime.csproj");
        string? url = XDocument.Load(csproj).Descendants("RepositoryUrl").Select(e => e.Value.Trim()).FirstOrDefault();
        Assert.False(string.IsNullOrEmpty(url), "the runtime project sets no RepositoryUrl");
        return url!;
    }

    /// <summary>One marked example of docs/diagnostics.md.</summary>
    private sealed record DocExample(
        string Name,
        string Id,
        string Yaml,
        IReadOnlyList<string> Output,
        IReadOnlyDictionary<string, string> Metadata,
        LanguageVersion? LanguageVersion,
        string? RootNamespace)
    {
        public static IReadOnlyList<DocExample> Parse(string markdown)
        {
            string[] lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            var examples = new List<DocExample>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (s_marker.Match(lines[i]) is not { Success: true } marker)
                {
                    continue;
                }

                string id = marker.Groups[1].Value;
                int markerLine = i + 1;
                var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
                while (!blocks.ContainsKey("text"))
                {
                    i++;
                    Assert.True(i < lines.Length && !lines[i].StartsWith('#') && !s_marker.IsMatch(lines[i]),
                        $"The example of {id} at line {markerLine} ends before its ```text block");
                    if (lines[i].StartsWith("```", StringComparison.Ordinal))
                    {
                        string language = lines[i].Substring(3);
                        int end = Array.FindIndex(lines, i + 1, l => l == "```");
                        Assert.True(end > i, $"An unclosed ``` block in the example of {id} at line {markerLine}");
                        Assert.True(blocks.TryAdd(language, string.Join('\n', lines[(i + 1)..end]) + "\n"), $"Two ```{language} blocks in the example of {id} at line {markerLine}");
                        i = end;
                    }
                }

                Assert.True(blocks.ContainsKey("yaml"), $"The example of {id} at line {markerLine} has no ```yaml block");
                (IReadOnlyDictionary<string, string> metadata, LanguageVersion? languageVersion, string? rootNamespace) =
                    blocks.TryGetValue("xml", out string? xml) ? ProjectSettings(xml) : (new Dictionary<string, string>(), null, null);
                string[] output = blocks["text"].TrimEnd('\n').Split('\n');
                examples.Add(new DocExample($"{id} (line {markerLine})", id, blocks["yaml"], output, metadata, languageVersion, rootNamespace));
            }

            return examples;
        }

        /// <summary>What the generator sees of the project file the example shows.</summary>
        private static (IReadOnlyDictionary<string, string>, LanguageVersion?, string?) ProjectSettings(string xml)
        {
            XElement project = XElement.Parse("<Project>" + xml + "</Project>");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (XElement file in project.Descendants("AdditionalFiles"))
            {
                Assert.Equal(ShownSpecPath, (string?)file.Attribute("Include"));
                foreach (XAttribute attribute in file.Attributes().Where(a => a.Name != "Include"))
                {
                    metadata.Add(attribute.Name.LocalName, attribute.Value);
                }
            }

            LanguageVersion? languageVersion = null;
            if (project.Descendants("LangVersion").FirstOrDefault() is { } langVersion)
            {
                Assert.True(LanguageVersionFacts.TryParse(langVersion.Value, out LanguageVersion parsed), $"LangVersion '{langVersion.Value}'");
                languageVersion = parsed;
            }

            return (metadata, languageVersion, project.Descendants("RootNamespace").FirstOrDefault()?.Value);
        }
    }
}
