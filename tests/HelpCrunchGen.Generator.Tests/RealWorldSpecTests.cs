using System.Diagnostics;
using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// Every spec in tests/data/specs (written by others): the generator does not throw, reports no error on a
/// valid spec, puts every diagnostic at a position in the file, and its output compiles without a warning.
/// </summary>
public sealed class RealWorldSpecTests(ITestOutputHelper output)
{
    // Specs that Redocly's `minimal` ruleset rejects as structurally invalid (tests/data/specs/README.md
    // says why). The generator may report errors on these, but still must not throw or emit broken code.
    private static readonly HashSet<string> s_invalid = new(StringComparer.Ordinal)
    {
        "blockfrost.yaml", // `type: 'null'` in an OpenAPI 3.0 anyOf
        "readme.json",     // `nullable` in an OpenAPI 3.1 document
    };

    public static TheoryData<string> Specs
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string file in CorpusFiles())
            {
                data.Add(file);
            }

            return data;
        }
    }

    [Fact]
    public void The_corpus_is_there_and_the_invalid_list_names_only_its_files()
    {
        List<string> files = CorpusFiles().ToList();

        Assert.True(files.Count >= 12, "tests/data/specs holds " + files.Count + " specs");
        Assert.Superset(s_invalid, files.ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Real_world_spec_generates_compiling_code_and_positioned_diagnostics(string file)
    {
        string full = Path.Combine(TestPaths.RealWorldSpecs, file);
        string text = File.ReadAllText(full);
        string path = "/project/spec/" + file;
        var harness = GeneratorHarness.ForSpec(text, path);

        var clock = Stopwatch.StartNew();
        GeneratorDriverRunResult result = harness.Run();
        long generationMs = clock.ElapsedMilliseconds;
        clock.Restart();
        IReadOnlyList<Diagnostic> compileProblems = harness.CompileDiagnostics();
        long compileMs = clock.ElapsedMilliseconds;
        Report(file, new FileInfo(full).Length, text, path, result, compileProblems, generationMs, compileMs);

        // Every problem is collected, so one run of a large spec shows all of its failure classes.
        var problems = new List<string>();
        problems.AddRange(result.Results.Where(r => r.Exception is not null).Select(r => "generator threw: " + r.Exception));
        foreach (Diagnostic d in result.Diagnostics)
        {
            FileLinePositionSpan position = d.Location.GetLineSpan();
            bool positioned = d.Id.StartsWith("HCG", StringComparison.Ordinal) && position.Path == path
                && position.StartLinePosition.Line > 0 && d.Location.SourceSpan.End <= text.Length;
            bool allowed = d.Id != "HCG0012" && (d.Severity != DiagnosticSeverity.Error || s_invalid.Contains(file));
            if (!positioned || !allowed)
            {
                problems.Add((positioned ? "" : "not positioned in the spec: ") + d);
            }
        }

        problems.AddRange(compileProblems.Select(d => "generated code: " + d));
        Assert.True(problems.Count == 0, problems.Count + " problems, the first 20:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(20)));
    }

    private void Report(string file, long bytes, string text, string path, GeneratorDriverRunResult result, IReadOnlyList<Diagnostic> compileProblems, long generationMs, long compileMs)
    {
        ApiSpec? model = SpecReader.Read(new SpecSource(path, text, new SpecFileOptions(null, null, false)), CancellationToken.None).Spec;
        int warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        int errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        output.WriteLine(
            $"| `{file}` | {bytes / 1024.0:F0} KB | {model?.Operations.Count ?? 0} | {model?.Schemas.Count ?? 0} | {warnings} | {errors} | {generationMs} | {compileMs} |");
        foreach (var group in result.Diagnostics.Concat(compileProblems).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key} x{group.Count()}, first: {group.First()}");
        }
    }

    private static IEnumerable<string> CorpusFiles() =>
        Directory.EnumerateFiles(TestPaths.RealWorldSpecs)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
}
