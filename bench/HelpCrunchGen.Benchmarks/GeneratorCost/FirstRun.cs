using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using HelpCrunchGen.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Benchmarks.GeneratorCost;

/// <summary>
/// The child-process side of the generator-cost table: <c>--gen-first-run &lt;spec&gt;</c> runs the generator once in
/// this fresh process (JIT included) and prints <c>FIRST ms=… cpu_ms=… bytes=… outputs=…</c>. With <c>--breakdown</c> it first
/// pays Roslyn's and YamlDotNet's own start-up (a no-op generator, a plain YamlDotNet load of the spec), then runs ours
/// with step tracking, then again warm, and prints each step's time in both runs: what is left of the first run is ours.
/// </summary>
internal static class FirstRun
{
    public static int Run(string spec, bool breakdown, TextWriter output)
    {
        GeneratorInputs inputs = CostSpecs.Load(spec);
        if (breakdown)
        {
            output.WriteLine(Line("NOOP_DRIVER", Measure(() => NoOpDriver(inputs)).Ms));
            output.WriteLine(Line("YAMLDOTNET_LOAD", Measure(() => new YamlStream().Load(new StringReader(inputs.Yaml))).Ms));
        }

        GeneratorDriver? driver = null;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        (double ms, long bytes) = Measure(() => driver = breakdown ? inputs.NewDriver(trackSteps: true).RunGenerators(GeneratorInputs.Compilation) : inputs.RunCold());
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        int outputs = GeneratorInputs.CountSources(driver!);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FIRST ms={ms:F1} cpu_ms={cpuMs:F1} bytes={bytes} outputs={outputs}"));
        if (breakdown)
        {
            Dictionary<string, double> first = StepTimes(driver!);
            GeneratorDriver warm = driver!;
            for (int i = 0; i < 5; i++)
            {
                warm = inputs.NewDriver(trackSteps: true).RunGenerators(GeneratorInputs.Compilation);
            }

            Dictionary<string, double> steady = StepTimes(warm);
            foreach ((string step, double firstMs) in first.OrderByDescending(p => p.Value))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STEP {step} first_ms={firstMs:F1} warm_ms={steady.GetValueOrDefault(step):F1}"));
            }
        }

        return 0;
    }

    private static string Line(string name, double ms) => string.Create(CultureInfo.InvariantCulture, $"{name} ms={ms:F1}");

    private static (double Ms, long Bytes) Measure(Action action)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        action();
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (ms, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    /// <summary>Sum of each tracked step's elapsed time (pipeline steps and source outputs), by step name.</summary>
    private static Dictionary<string, double> StepTimes(GeneratorDriver driver)
    {
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        var times = new Dictionary<string, double>();
        foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> pair in run.TrackedSteps.Concat(run.TrackedOutputSteps))
        {
            times[pair.Key] = times.GetValueOrDefault(pair.Key) + pair.Value.Sum(s => s.ElapsedTime.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>Roslyn's driver on the same inputs with a generator that reads the spec's text and adds one file.</summary>
    private static void NoOpDriver(GeneratorInputs inputs)
    {
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new NoOpGenerator().AsSourceGenerator()],
            additionalTexts: [inputs.Text],
            parseOptions: new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest));
        GC.KeepAlive(driver.RunGenerators(GeneratorInputs.Compilation));
    }

    private sealed class NoOpGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(
                context.AdditionalTextsProvider.Select(static (file, ct) => file.GetText(ct)?.Length ?? 0),
                static (output, length) => output.AddSource("NoOp.g.cs", "// " + length.ToString(CultureInfo.InvariantCulture)));
    }
}
