using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Specs written by others (../shared/specs): no crash, every problem reported at a position, output compiles.</summary>
public sealed class RealWorldSpecTests
{
    [Theory]
    [InlineData("petstore3.yaml")]
    [InlineData("stripe-2023-08.yaml")]
    public void Real_world_spec_generates_compiling_code_and_positioned_diagnostics(string file)
    {
        string path = Path.Combine(TestPaths.Shared, "specs", file);
        var harness = GeneratorHarness.ForSpec(File.ReadAllText(path), "/project/spec/" + file);

        GeneratorDriverRunResult result = harness.Run();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.NotEmpty(result.GeneratedTrees);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.Contains(d.Id, new[] { "HCG0006", "HCG0007" });
            Assert.Equal("/project/spec/" + file, d.Location.GetLineSpan().Path);
            Assert.True(d.Location.GetLineSpan().StartLinePosition.Line > 0, d.ToString());
        });
        var errors = harness.CompileDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
