using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>The pipeline re-does only the work an edit calls for, and never holds Roslyn objects.</summary>
public sealed class CachingTests
{
    private static readonly string[] s_trackedSteps =
    [
        TrackingNames.RootNamespace, TrackingNames.LanguageVersion, TrackingNames.ProjectOptions, TrackingNames.SpecSources,
        TrackingNames.Parse, TrackingNames.Prepare, TrackingNames.Diagnostics, TrackingNames.Schemas, TrackingNames.Client,
        TrackingNames.JsonContext,
    ];

    [Fact]
    public void A_second_run_with_no_change_is_fully_cached()
    {
        var harness = GeneratorHarness.ForSpec(Specs.TwoSchemas);
        harness.Run();

        GeneratorRunResult run = harness.Run().Results.Single();

        AssertAllCachedOrUnchanged(run);
    }

    [Fact]
    public void An_unrelated_csharp_edit_is_fully_cached()
    {
        var harness = GeneratorHarness.ForSpec(Specs.TwoSchemas);
        harness.Run();

        harness.AddCSharp("namespace Consumer { internal static class Unrelated { } }");
        GeneratorRunResult run = harness.Run().Results.Single();

        AssertAllCachedOrUnchanged(run);
    }

    [Fact]
    public void Editing_one_schema_re_emits_only_that_schema()
    {
        var harness = GeneratorHarness.ForSpec(Specs.TwoSchemas);
        harness.Run();

        harness.EditSpec(GeneratorHarness.SpecPath, Specs.TwoSchemas.Replace("name: { type: string }", "name: { type: string, description: Full name }"));
        GeneratorRunResult run = harness.Run().Results.Single();

        var schemaOutputs = run.TrackedSteps[TrackingNames.Schemas].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(2, schemaOutputs.Count);
        Assert.Single(schemaOutputs, output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Single(schemaOutputs, output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.All(run.TrackedSteps[TrackingNames.Client].SelectMany(step => step.Outputs), output => AssertReusable(output.Reason));
        Assert.All(run.TrackedSteps[TrackingNames.JsonContext].SelectMany(step => step.Outputs), output => AssertReusable(output.Reason));
    }

    [Fact]
    public void Editing_a_second_spec_leaves_the_first_ones_outputs_untouched()
    {
        var harness = GeneratorHarness.ForSpec(Specs.TwoSchemas);
        const string otherPath = "/project/spec/other.yaml";
        string other = Specs.TwoSchemas.Replace("title: Shop", "title: Other");
        harness.AddSpec(otherPath, other, new Dictionary<string, string> { ["HelpCrunchGenNamespace"] = "Other.Api" });
        harness.Run();

        harness.EditSpec(otherPath, other.Replace("name: { type: string }", "name: { type: integer }"));
        GeneratorRunResult run = harness.Run().Results.Single();

        // Parse: the first spec is reused, the second re-read.
        var parse = run.TrackedSteps[TrackingNames.Parse].SelectMany(step => step.Outputs).ToList();
        Assert.Single(parse, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(parse, output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        // Of four schema outputs only the edited one changes.
        var schemas = run.TrackedSteps[TrackingNames.Schemas].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(4, schemas.Count);
        Assert.Single(schemas, output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
    }

    [Fact]
    public void Touching_a_spec_without_changing_its_text_reuses_the_parsed_model()
    {
        var harness = GeneratorHarness.ForSpec(Specs.TwoSchemas);
        harness.Run();

        harness.EditSpec(GeneratorHarness.SpecPath, Specs.TwoSchemas);
        GeneratorRunResult run = harness.Run().Results.Single();

        Assert.All(run.TrackedSteps[TrackingNames.Parse].SelectMany(step => step.Outputs), output => AssertReusable(output.Reason));
        Assert.All(run.TrackedSteps[TrackingNames.Schemas].SelectMany(step => step.Outputs), output => AssertReusable(output.Reason));
    }

    [Fact]
    public void No_step_output_holds_a_roslyn_object()
    {
        var harness = GeneratorHarness.ForSpec(File.ReadAllText(TestPaths.HelpCrunchSpec));
        GeneratorRunResult run = harness.Run().Results.Single();

        // Our own steps only: Roslyn tracks its input nodes (ParseOptions, AdditionalTexts …) too.
        foreach (string name in s_trackedSteps)
        {
            foreach (IncrementalGeneratorRunStep step in run.TrackedSteps[name])
            {
                foreach ((object value, _) in step.Outputs)
                {
                    AssertNoRoslynObjects(value, $"{name}", new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    [Fact]
    public void The_roslyn_object_walk_detects_a_planted_symbol()
    {
        // Guards the guard: the walk must fail when a model does hold a Roslyn object.
        var harness = GeneratorHarness.ForSpec(Specs.TwoSchemas);
        harness.Run();
        var planted = new { Inner = new[] { (object)harness.Compilation } };

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            AssertNoRoslynObjects(planted, "planted", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult run)
    {
        foreach (string step in s_trackedSteps)
        {
            Assert.True(run.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (IncrementalGeneratorRunStep runStep in run.TrackedSteps[step])
            {
                foreach ((_, IncrementalStepRunReason reason) in runStep.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
                }
            }
        }
    }

    private static void AssertReusable(IncrementalStepRunReason reason) =>
        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString());

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel,
            $"{path} holds a Roslyn object of type {value.GetType()}");

        if (value.GetType().Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            Assert.True(value.GetType().IsValueType, $"{path} holds a Roslyn object of type {value.GetType()}");
            return; // Roslyn value types such as TextSpan / LinePositionSpan are plain data.
        }

        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                AssertNoRoslynObjects(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertNoRoslynObjects(property.GetValue(value), $"{path}.{property.Name}", visited);
            }
        }
    }
}
