using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using HelpCrunchGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HelpCrunchGen.Benchmarks.Generator;

/// <summary>
/// What the compiler hands the generator for one project: a compilation, the spec as an AdditionalFile with its
/// metadata, and the parse options. Built once per spec; every run below starts from these same objects.
/// </summary>
internal sealed class GeneratorInputs
{
    public const string SpecPath = "/project/spec/api.yaml";

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);
    private static readonly CSharpCompilation s_compilation = CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", s_parseOptions, path: "/project/Placeholder.cs")],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private readonly OptionsProvider _options = new();

    public GeneratorInputs(string name, string yaml)
    {
        Name = name;
        Yaml = yaml;
        Text = new InMemoryText(SpecPath, yaml);
        Length = yaml.Length;
    }

    public string Name { get; }

    public string Yaml { get; }

    public int Length { get; }

    public AdditionalText Text { get; }

    public static Compilation Compilation => s_compilation;

    /// <summary>A new driver with a new generator instance: nothing cached.</summary>
    public GeneratorDriver NewDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        [new HelpCrunchSourceGenerator().AsSourceGenerator()],
        additionalTexts: [Text],
        parseOptions: s_parseOptions,
        optionsProvider: _options,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A cold run: new driver, one pass, as the compiler does on a first build.</summary>
    public GeneratorDriver RunCold() => NewDriver().RunGenerators(s_compilation);

    /// <summary>Throws unless the run produced sources and no generator failure.</summary>
    public static int CountSources(GeneratorDriver driver)
    {
        GeneratorDriverRunResult result = driver.GetRunResult();
        GeneratorRunResult run = result.Results.Single();
        if (run.Exception is not null)
        {
            throw new InvalidOperationException("The generator failed: " + run.Exception);
        }

        if (run.GeneratedSources.IsEmpty)
        {
            throw new InvalidOperationException("The generator produced nothing: " + string.Join("; ", result.Diagnostics));
        }

        return run.GeneratedSources.Length;
    }

    /// <summary>
    /// Runs, edits one schema's description, runs again, and counts the outputs that were re-emitted
    /// (New or Modified in the steps that feed RegisterSourceOutput).
    /// </summary>
    public int ReemittedAfterEdit(string editedYaml)
    {
        GeneratorDriver driver = NewDriver(trackSteps: true).RunGenerators(s_compilation);
        driver = driver.ReplaceAdditionalText(Text, new InMemoryText(SpecPath, editedYaml)).RunGenerators(s_compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        string[] outputSteps = ["Schemas", "Client", "JsonContext"];
        int count = 0;
        foreach (string step in outputSteps)
        {
            if (run.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> steps))
            {
                count += steps.SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
            }
        }

        return count;
    }

    /// <summary>Runs twice with nothing changed; counts the step outputs the second run had to compute (New or Modified).</summary>
    public int StepsRecomputedOnWarmRun()
    {
        GeneratorDriver driver = NewDriver(trackSteps: true).RunGenerators(s_compilation).RunGenerators(s_compilation);
        return driver.GetRunResult().Results.Single().TrackedSteps.Values
            .SelectMany(steps => steps)
            .SelectMany(step => step.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions s_global = new(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });
        private static readonly DictionaryOptions s_file = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HelpCrunchGenNamespace"] = "Bench.Api" });

        public override AnalyzerConfigOptions GlobalOptions => s_global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_file;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
