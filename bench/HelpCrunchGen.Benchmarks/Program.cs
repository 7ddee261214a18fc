using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using HelpCrunchGen.Benchmarks;
using HelpCrunchGen.Benchmarks.Generator;
using HelpCrunchGen.Benchmarks.GeneratorCost;
using HelpCrunchGen.Benchmarks.Parse;
using HelpCrunchGen.Benchmarks.PerCall;
using HelpCrunchGen.Benchmarks.Quick;

// dotnet run -c Release --project bench/HelpCrunchGen.Benchmarks -- --quick   (under a minute, Stopwatch loop)
// dotnet run -c Release --project bench/HelpCrunchGen.Benchmarks             (BenchmarkDotNet ShortRun, all classes)
// dotnet run -c Release --project bench/HelpCrunchGen.Benchmarks -- --filter '*PerCall*'   (BenchmarkDotNet switches)
// dotnet run -c Release --project bench/HelpCrunchGen.Benchmarks -- --runtime-pieces [Seed|List|ListChunked|ListGzip]   (each runtime piece vs its plain alternative)
Type[] classes = [typeof(PerCallBenchmarks), typeof(ParseBenchmarks), typeof(GeneratorBenchmarks)];

// Generator cost per operation (see bench/README.md, "Generator cost"); --gen-first-run is its child process.
if (args is ["--gen-first-run", string firstRunSpec, ..])
{
    return FirstRun.Run(firstRunSpec, args.Contains("--breakdown"), Console.Out);
}

if (args.Length > 0 && args[0] == "--gen-cost")
{
    return GeneratorCostRunner.Run(Console.Out, args.Contains("--first-runs=1") ? 1 : 3, args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null);
}

// For a profiler: only warm runs of one spec, in this process (no children, which a tracer would suspend).
if (args is ["--gen-warm-loop", string loopSpec, string loopRuns])
{
    GeneratorInputs loopInputs = CostSpecs.Load(loopSpec);
    for (int run = int.Parse(loopRuns, CultureInfo.InvariantCulture); run > 0; run--)
    {
        GC.KeepAlive(loopInputs.RunCold());
    }

    return 0;
}

// For a profiler: one contender's call in a loop (e.g. --call-loop Seed Generated 2000000).
if (args is ["--call-loop", string loopScenario, string loopContender, string loopCalls])
{
    var loopBench = new PerCallBenchmarks { Scenario = Enum.Parse<Scenario>(loopScenario) };
    loopBench.Setup();
    Func<Task> call = loopBench.GetCall(loopContender);
    for (int i = int.Parse(loopCalls, CultureInfo.InvariantCulture); i > 0; i--)
    {
        await call();
    }

    return 0;
}

if (args.Contains("--gen-figures"))
{
    // The generator's RATIOS fields alone (a few minutes): Stripe warm, 5,000 operations warm, first run in csc.
    double stripeWarm = GeneratorCostRunner.Warm(GeneratorBenchmarks.Load("stripe")).Ms;
    GeneratorInputs editable = GeneratorBenchmarks.Load("synthetic-1000ops");
    int edited = editable.ReemittedAfterEdit(SyntheticSpec.EditOneSchema(editable.Yaml, GeneratorBenchmarks.SyntheticSchemas));
    Console.WriteLine(Ratios.Line((_, _) => double.NaN, (_, _) => double.NaN, GeneratorFigures.Measure(Console.Out, stripeWarm, edited)));
    return 0;
}

if (args.Length > 0 && args[0] == "--runtime-pieces")
{
    return HelpCrunchGen.Benchmarks.RuntimePieces.RuntimePiecesRunner.Run(Console.Out, args.Length > 1 ? [Enum.Parse<Scenario>(args[1])] : Enum.GetValues<Scenario>());
}

if (args is ["--gen-code", ..])
{
    return HelpCrunchGen.Benchmarks.GeneratedCode.GeneratedCodeCost.Run(Console.Out, args.Length > 1 ? args[1] : null);
}

if (args.Contains("--quick"))
{
    QuickResults quick = QuickRunner.Run(Console.Out);
    GeneratorFigures quickFigures = GeneratorFigures.Measure(Console.Out, quick.Generator["stripe"].ColdMs, quick.ReemittedSynthetic);
    Console.WriteLine(Ratios.Line(
        (scenario, n) => quick.PerCall[scenario][n].Nanoseconds,
        (scenario, n) => quick.PerCall[scenario][n].Bytes,
        quickFigures));
    return 0;
}

var wall = Stopwatch.StartNew();
IConfig config = DefaultConfig.Instance
    // At least 10 measured iterations, so that the Error column (the 99.9 % half-interval) means something.
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(10))
    .AddDiagnoser(MemoryDiagnoser.Default)
    // Building the benchmark's own copy takes over BenchmarkDotNet's default 2 minutes when the cores are shared.
    .WithBuildTimeout(TimeSpan.FromMinutes(10))
    .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Value));

Summary[] summaries = args.Length == 0
    ? BenchmarkRunner.Run(classes, config)
    : BenchmarkSwitcher.FromTypes([.. classes, typeof(HelpCrunchGen.Benchmarks.RuntimePieces.RuntimePiecesBenchmarks)]).Run(args, config).ToArray();

Summary? perCall = summaries.FirstOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(PerCallBenchmarks)));
Summary? generator = summaries.FirstOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(GeneratorBenchmarks)));
if (perCall is null || generator is null)
{
    return 0; // a filtered run: no RATIOS line
}

GeneratorInputs synthetic = GeneratorBenchmarks.Load("synthetic-1000ops");
int reemitted = synthetic.ReemittedAfterEdit(SyntheticSpec.EditOneSchema(synthetic.Yaml, GeneratorBenchmarks.SyntheticSchemas));
Console.WriteLine($"BenchmarkDotNet run took {wall.Elapsed.TotalSeconds:F0} s.");
double stripeWarmMs = (Find(generator, nameof(GeneratorBenchmarks.Cold), "Spec", "stripe")?.ResultStatistics?.Median ?? double.NaN) / 1e6;
GeneratorFigures figures = GeneratorFigures.Measure(Console.Out, stripeWarmMs, reemitted);
Console.WriteLine(Ratios.Line(
    (scenario, n) => Find(perCall, n, "Scenario", scenario)?.ResultStatistics?.Mean ?? double.NaN,
    (scenario, n) => Find(perCall, n, "Scenario", scenario) is { } r ? r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? double.NaN : double.NaN,
    figures));
return 0;

static BenchmarkReport? Find(Summary summary, string method, string parameter, object value) => summary.Reports.FirstOrDefault(r =>
    r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && Equals(r.BenchmarkCase.Parameters[parameter], value));

namespace HelpCrunchGen.Benchmarks
{
    /// <summary>The one-line summary both modes print last.</summary>
    internal static class Ratios
    {
        /// <summary>
        /// Per-call ratios are the generated client's mean time (or bytes) per call over the floor's, where the floor of a
        /// scenario is the faster of its two variants; the generator's fields follow.
        /// </summary>
        public static string Line(Func<Scenario, string, double> time, Func<Scenario, string, double> bytes, GeneratorFigures generator)
        {
            const string generated = nameof(PerCallBenchmarks.Generated);
            string Floor(Scenario scenario) => PerCallBenchmarks.FloorVariants.MinBy(n => time(scenario, n))!;
            double TimeVsFloor(Scenario scenario) => time(scenario, generated) / time(scenario, Floor(scenario));
            double BytesVsFloor(Scenario scenario) => bytes(scenario, generated) / bytes(scenario, Floor(scenario));
            return string.Create(CultureInfo.InvariantCulture,
                $"RATIOS time_vs_floor={R(TimeVsFloor(Scenario.Seed))}"
                + $" alloc_vs_floor={R(BytesVsFloor(Scenario.Seed))}"
                + $" time_vs_floor_list={R(TimeVsFloor(Scenario.List))}"
                + $" alloc_vs_floor_list={R(BytesVsFloor(Scenario.List))}"
                + $" time_vs_floor_chunked={R(TimeVsFloor(Scenario.ListChunked))}"
                + $" time_vs_floor_gzip={R(TimeVsFloor(Scenario.ListGzip))}"
                + $" time_vs_refit={R(time(Scenario.Seed, generated) / time(Scenario.Seed, nameof(PerCallBenchmarks.Refit)))}"
                + $" gen_warm_ms_stripe={Ms(generator.WarmMsStripe)}"
                + $" gen_warm_us_per_op_5000={Ms(generator.WarmUsPerOperation5000)}"
                + $" gen_first_ms_helpcrunch={Ms(generator.FirstMsHelpCrunch)}"
                + $" gen_code_mb_stripe={R(generator.CodeMbStripe)}"
                + $" gen_compile_ms_stripe={Ms(generator.CompileMsStripe)}"
                + $" gen_reemitted_after_one_edit={generator.Reemitted}");
        }

        private static string R(double value) => double.IsFinite(value) ? value.ToString("F2", CultureInfo.InvariantCulture) : "n/a";

        private static string Ms(double value) => double.IsFinite(value) ? value.ToString("F1", CultureInfo.InvariantCulture) : "n/a";
    }
}
