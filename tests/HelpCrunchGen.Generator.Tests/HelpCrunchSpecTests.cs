using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>The real spec: one snapshot per generated file, and output that compiles with zero warnings.</summary>
public sealed class HelpCrunchSpecTests
{
    private static GeneratorHarness RunHelpCrunch()
    {
        var harness = GeneratorHarness.ForSpec(File.ReadAllText(TestPaths.HelpCrunchSpec), "/project/spec/helpcrunch.yaml", "HelpCrunch.Sdk");
        harness.Run();
        return harness;
    }

    [Fact]
    public void Generates_the_expected_types_without_diagnostics()
    {
        GeneratorHarness harness = RunHelpCrunch();

        Assert.Empty(harness.GeneratorDiagnostics);
        string[] expected =
        [
            "helpcrunch.Agent.g.cs", "helpcrunch.AgentRole.g.cs", "helpcrunch.Chat.g.cs",
            "helpcrunch.ChatClosedBy.g.cs", "helpcrunch.ChatCreatedWith.g.cs", "helpcrunch.ChatCustomer.g.cs",
            "helpcrunch.ChatRating.g.cs", "helpcrunch.ChatStatus.g.cs", "helpcrunch.Customer.g.cs",
            "helpcrunch.Department.g.cs", "helpcrunch.HelpCrunchClient.g.cs",
            "helpcrunch.HelpCrunchJsonContext.g.cs", "helpcrunch.UpdateChatAssigneeRequest.g.cs",
        ];
        foreach (string file in expected)
        {
            Assert.Contains(file, harness.GeneratedFiles.Keys);
        }
    }

    [Fact]
    public void Generated_code_compiles_with_zero_warnings()
    {
        GeneratorHarness harness = RunHelpCrunch();

        IReadOnlyList<Diagnostic> diagnostics = harness.CompileDiagnostics();

        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics));
    }

    [Fact]
    public void Generated_code_compiles_with_zero_warnings_at_csharp_11_the_minimum()
    {
        var harness = new GeneratorHarness("HelpCrunch.Sdk", Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11);
        harness.AddSpec("/project/spec/helpcrunch.yaml", File.ReadAllText(TestPaths.HelpCrunchSpec));
        harness.Run();

        IReadOnlyList<Diagnostic> diagnostics = harness.CompileDiagnostics();

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics));
    }

    [Fact]
    public void Every_generated_file_matches_its_snapshot()
    {
        GeneratorHarness harness = RunHelpCrunch();
        bool update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        var mismatches = new List<string>();

        foreach ((string hintName, string source) in harness.GeneratedFiles)
        {
            string actual = ScrubVersion(source);
            string path = Path.Combine(TestPaths.Snapshots, hintName);
            if (update)
            {
                Directory.CreateDirectory(TestPaths.Snapshots);
                File.WriteAllText(path, actual);
                continue;
            }

            if (!File.Exists(path) || File.ReadAllText(path) != actual)
            {
                mismatches.Add(hintName);
            }
        }

        string[] orphaned = Directory.Exists(TestPaths.Snapshots)
            ? Directory.GetFiles(TestPaths.Snapshots).Select(f => Path.GetFileName(f)).Where(name => !harness.GeneratedFiles.ContainsKey(name)).ToArray()
            : [];
        Assert.True(mismatches.Count == 0, "Snapshots differ (run with UPDATE_SNAPSHOTS=1 and review the diff): " + string.Join(", ", mismatches));
        Assert.True(orphaned.Length == 0 || update, "Snapshots without a generated file: " + string.Join(", ", orphaned));
    }

    private static string ScrubVersion(string source) =>
        Regex.Replace(source, @"GeneratedCode\(""HelpCrunchGen"", ""[^""]+""\)", @"GeneratedCode(""HelpCrunchGen"", ""<version>"")");
}
