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

if (args.Contains("--quick"))
{
    QuickResults quick = QuickRunner.Run(Console.Out);
    Console.WriteLine(Ratios.Line(
        n => quick.PerCall[n].Nanoseconds,
        n => quick.PerCall[n].Bytes,
        s => quick.Generator.TryGetValue(s, out GeneratorResult? r) ? r.ColdMs : double.NaN,
        quick.ReemittedSynthetic));
    return 0;
}

var wall = Stopwatch.StartNew();
IConfig config = DefaultConfig.Instance
    .AddJob(Job.ShortRun)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Value));

Summary[] summaries = args.Length == 0
    ? BenchmarkRunner.Run(classes, config)
    : BenchmarkSwitcher.FromTypes(classes).Run(args, config).ToArray();

Summary? perCall = summaries.FirstOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(PerCallBenchmarks)));
Summary? generator = summaries.FirstOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(GeneratorBenchmarks)));
if (perCall is null || generator is null)
{
    return 0; // a filtered run: no RATIOS line
}

GeneratorInputs synthetic = GeneratorBenchmarks.Load("synthetic-1000ops");
int reemitted = synthetic.ReemittedAfterEdit(SyntheticSpec.EditOneSchema(synthetic.Yaml, GeneratorBenchmarks.SyntheticSchemas));
Console.WriteLine($"BenchmarkDotNet run took {wall.Elapsed.TotalSeconds:F0} s.");
Console.WriteLine(Ratios.Line(
    n => Find(perCall, n, null)?.ResultStatistics?.Mean ?? double.NaN,
    n => Find(perCall, n, null) is { } r ? r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? double.NaN : double.NaN,
    s => (Find(generator, nameof(GeneratorBenchmarks.Cold), s)?.ResultStatistics?.Median ?? double.NaN) / 1e6,
    reemitted));
return 0;

static BenchmarkReport? Find(Summary summary, string method, string? spec) => summary.Reports.FirstOrDefault(r =>
    r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
    && (spec is null || Equals(r.BenchmarkCase.Parameters["Spec"], spec)));

namespace HelpCrunchGen.Benchmarks
{
    /// <summary>The one-line summary both modes print last.</summary>
    internal static class Ratios
    {
        public static string Line(Func<string, double> time, Func<string, double> bytes, Func<string, double> coldMs, int reemitted)
        {
            string generated = nameof(PerCallBenchmarks.Generated);
            return string.Create(CultureInfo.InvariantCulture,
                $"RATIOS time_vs_handwritten={R(time(generated) / time(nameof(PerCallBenchmarks.HandWritten_Typical)))}"
                + $" alloc_vs_handwritten={R(bytes(generated) / bytes(nameof(PerCallBenchmarks.HandWritten_Typical)))}"
                + $" time_vs_lean={R(time(generated) / time(nameof(PerCallBenchmarks.HandWritten_Lean)))}"
                + $" alloc_vs_lean={R(bytes(generated) / bytes(nameof(PerCallBenchmarks.HandWritten_Lean)))}"
                + $" time_vs_refit={R(time(generated) / time(nameof(PerCallBenchmarks.Refit)))}"
                + $" alloc_vs_refit={R(bytes(generated) / bytes(nameof(PerCallBenchmarks.Refit)))}"
                + $" gen_cold_ms_helpcrunch={Ms(coldMs("helpcrunch"))}"
                + $" gen_cold_ms_1000ops={Ms(coldMs("synthetic-1000ops"))}"
                + $" gen_cold_ms_stripe={Ms(coldMs("stripe"))}"
                + $" gen_reemitted_after_one_edit={reemitted}");
        }

        private static string R(double value) => double.IsFinite(value) ? value.ToString("F2", CultureInfo.InvariantCulture) : "n/a";

        private static string Ms(double value) => double.IsFinite(value) ? value.ToString("F1", CultureInfo.InvariantCulture) : "n/a";
    }
}
