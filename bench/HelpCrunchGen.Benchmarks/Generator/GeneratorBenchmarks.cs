using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Benchmarks.Generator;

/// <summary>
/// Our generator driven in-process as the compiler drives it. Cold: a new driver and generator each time (first
/// build, or any build without a compiler server). Warm: the same driver again with nothing changed (every keystroke
/// in an IDE that does not touch the spec). The first-ever cold run of the process (JIT, YamlDotNet start-up) is
/// excluded here by BenchmarkDotNet's warm-up; the quick mode reports it separately.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    public const int SyntheticOperations = 1000;
    public const int SyntheticSchemas = 2000;

    private GeneratorInputs _inputs = null!;
    private GeneratorDriver _warm = null!;

    [ParamsSource(nameof(SpecNames))]
    public string Spec { get; set; } = "helpcrunch";

    public static IEnumerable<string> SpecNames() =>
        StripePath() is null ? ["helpcrunch", "synthetic-1000ops"] : ["helpcrunch", "synthetic-1000ops", "stripe"];

    /// <summary><c>tests/data/specs/stripe-2023-08.yaml</c>, or null when the checkout does not have it.</summary>
    public static string? StripePath()
    {
        string path = Path.Combine(SpecExamples.RepositoryRoot, "tests", "data", "specs", "stripe-2023-08.yaml");
        return File.Exists(path) ? path : null;
    }

    internal static GeneratorInputs Load(string spec) => spec switch
    {
        "helpcrunch" => new GeneratorInputs(spec, File.ReadAllText(SpecExamples.SpecPath)),
        "synthetic-1000ops" => new GeneratorInputs(spec, SyntheticSpec.Create(SyntheticOperations, SyntheticSchemas)),
        "stripe" => new GeneratorInputs(spec, File.ReadAllText(StripePath() ?? throw new FileNotFoundException("tests/data/specs/stripe-2023-08.yaml"))),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, null),
    };

    [GlobalSetup]
    public void Setup()
    {
        _inputs = Load(Spec);
        GeneratorInputs.CountSources(_inputs.RunCold());
        _warm = _inputs.NewDriver().RunGenerators(GeneratorInputs.Compilation);
    }

    [Benchmark(Description = "cold run (new driver)")]
    public GeneratorDriver Cold() => _inputs.RunCold();

    [Benchmark(Description = "warm run (cached, nothing changed)")]
    public GeneratorDriver Warm() => _warm = _warm.RunGenerators(GeneratorInputs.Compilation);
}
