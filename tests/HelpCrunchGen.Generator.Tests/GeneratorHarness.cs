using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using HelpCrunchGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Runs the generator in-process, the way the compiler does, with step tracking on.</summary>
internal sealed class GeneratorHarness
{
    public const string SpecPath = "/project/spec/api.yaml";

    private static readonly ImmutableArray<MetadataReference> s_references = LoadReferences();

    private GeneratorDriver _driver;
    private readonly TestOptionsProvider _options;
    private readonly Dictionary<string, AdditionalText> _additional = new(StringComparer.Ordinal);

    /// <param name="references">The compilation's references; the .NET the tests run on plus the runtime when null.</param>
    public GeneratorHarness(string rootNamespace = "Test.Api", LanguageVersion languageVersion = LanguageVersion.Latest, string? projectDirectory = null, IEnumerable<MetadataReference>? references = null)
    {
        _options = new TestOptionsProvider(rootNamespace, projectDirectory);
        ParseOptions = new CSharpParseOptions(languageVersion);
        Compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", ParseOptions, path: "/project/Placeholder.cs")],
            references ?? s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _driver = CSharpGeneratorDriver.Create(
            [new HelpCrunchSourceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: _options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public CSharpParseOptions ParseOptions { get; }

    public Compilation Compilation { get; private set; }

    public GeneratorDriverRunResult? LastRun { get; private set; }

    public static GeneratorHarness ForSpec(string yaml, string path = SpecPath, string rootNamespace = "Test.Api")
    {
        var harness = new GeneratorHarness(rootNamespace);
        harness.AddSpec(path, yaml);
        return harness;
    }

    public void AddSpec(string path, string text, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _options.SetFileOptions(path, metadata ?? new Dictionary<string, string>());
        var file = new InMemoryText(path, text);
        _additional[path] = file;
        _driver = _driver.AddAdditionalTexts([file]);
    }

    /// <summary>Replaces a spec's text, as an editor save does (a new AdditionalText instance).</summary>
    public void EditSpec(string path, string text)
    {
        var file = new InMemoryText(path, text);
        _driver = _driver.ReplaceAdditionalText(_additional[path], file);
        _additional[path] = file;
    }

    public void AddCSharp(string source, string path = "/project/Extra.cs") =>
        Compilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, ParseOptions, path));

    public GeneratorDriverRunResult Run()
    {
        _driver = _driver.RunGeneratorsAndUpdateCompilation(Compilation, out Compilation output, out _);
        Output = output;
        LastRun = _driver.GetRunResult();
        return LastRun;
    }

    /// <summary>The compilation with the generated files added (after <see cref="Run"/>).</summary>
    public Compilation? Output { get; private set; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => LastRun!.Diagnostics;

    public IReadOnlyDictionary<string, string> GeneratedFiles =>
        LastRun!.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Compiler diagnostics of the output compilation, warnings included.</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics() =>
        Output!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(ApiConnection).Assembly.Location))
            .ToImmutableArray();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(string rootNamespace, string? projectDirectory) : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, DictionaryOptions> _files = new(StringComparer.Ordinal);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(projectDirectory is null
            ? new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace }
            : new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace, ["build_property.ProjectDir"] = projectDirectory });

        public void SetFileOptions(string path, IReadOnlyDictionary<string, string> metadata) =>
            _files[path] = new DictionaryOptions(metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _files.TryGetValue(textFile.Path, out DictionaryOptions? options) ? options : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
