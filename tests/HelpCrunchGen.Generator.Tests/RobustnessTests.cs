using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Whatever the input, the generator reports diagnostics and never throws.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Garbage => new()
    {
        "openapi: 3.1.0\n\u0000\u0001\u0002 ::: [[[ }}} \"unterminated",
        "openapi: 3.1.0\ninfo: *undefined_alias\n",
        "openapi: 3.1.0\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/A' }\n    B:\n      properties:\n        a: { $ref: '#/components/schemas/A' }\n",
        "openapi: 3.1.0\npaths:\n  /x:\n    get: 42\n  /y: [1, 2]\n",
        "openapi: 3.1.0\ncomponents: 7\npaths: 'nope'\n",
        "openapi: 3.1.0\ncomponents:\n  schemas:\n    A:\n      type: [string, integer]\n      items: 5\n      allOf: 3\n",
        "openapi:\n  - 3.1.0\n",
        "[1, 2, 3]\nopenapi: x",
        "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"get\": {\"operationId\": \"a\", \"parameters\": [{\"$ref\": \"#/nowhere\"}], \"responses\": {\"200\": {\"$ref\": \"#/nowhere\"}}}}}}",
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_gives_diagnostics_not_exceptions(string text)
    {
        var harness = GeneratorHarness.ForSpec(text);

        GeneratorDriverRunResult result = harness.Run();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "HCG0012");
    }

    [Fact]
    public void Truncations_of_the_real_spec_go_through_the_whole_generator()
    {
        string spec = File.ReadAllText(TestPaths.HelpCrunchSpec);
        var harness = new GeneratorHarness();
        harness.AddSpec(GeneratorHarness.SpecPath, spec);
        harness.Run();

        // Whole prefixes through reading and emitting, at every 97th character: each run must end without an
        // exception. YamlReadingTests cuts the YAML at every byte.
        for (int length = 16; length < spec.Length; length += 97)
        {
            harness.EditSpec(GeneratorHarness.SpecPath, spec.Substring(0, length));
            GeneratorDriverRunResult result = harness.Run();

            Assert.All(result.Results, r => Assert.Null(r.Exception));
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "HCG0012");
        }
    }

    [Fact]
    public void Other_yaml_and_json_additional_files_are_ignored_silently()
    {
        var harness = new GeneratorHarness();
        harness.AddSpec("/project/appsettings.json", "{ \"Logging\": { \"LogLevel\": \"Warning\" } }");
        harness.AddSpec("/project/.github/workflows/ci.yml", "on: push\njobs: { build: { runs-on: ubuntu } }\n");
        harness.AddSpec("/project/notes.txt", "openapi: 3.1.0");

        GeneratorDriverRunResult result = harness.Run();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedTrees);
    }
}
