using System.Globalization;
using HelpCrunchGen.Benchmarks.Generator;

namespace HelpCrunchGen.Benchmarks.GeneratorCost;

/// <summary>The generator's fields of the RATIOS line, measured after the per-call benchmarks.</summary>
internal sealed record GeneratorFigures(
    double WarmMsStripe,
    double WarmUsPerOperation5000,
    double FirstMsHelpCrunch,
    double CodeMbStripe,
    double CompileMsStripe,
    int Reemitted)
{
    private const int FirstRunProcesses = 3;

    /// <summary>
    /// Warm = a new driver and generator in this JIT-warm process (<paramref name="warmMsStripe"/> comes from the caller's
    /// generator table); first = a fresh SDK compiler process, as a build pays it (median of three).
    /// </summary>
    public static GeneratorFigures Measure(TextWriter output, double warmMsStripe, int reemitted)
    {
        GeneratorInputs synthetic = CostSpecs.Load("synthetic-5000");
        int operations = CostSpecs.Count(synthetic.Yaml).Operations;
        double warmUsPerOperation = GeneratorCostRunner.Warm(synthetic).Ms * 1000 / operations;

        CompilerFirstRun.Result first = CompilerFirstRun.Measure(SpecExamples.SpecPath, FirstRunProcesses);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generator warm per operation at {operations:N0} operations: {warmUsPerOperation:F0} µs."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"First run in a fresh csc (median of {FirstRunProcesses}): HelpCrunchGen on spec/helpcrunch.yaml {first.OursMs:F0} ms; System.Text.Json's generator on one type, same process {first.StjMs:F0} ms ({first.OursMs / first.StjMs:F1}×)."));
        GeneratedCode.GeneratedCodeResult stripeCode = GeneratedCode.GeneratedCodeCost.Measure("stripe");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stripe's generated C#: {stripeCode.Megabytes:F2} MB in {stripeCode.Files:N0} files; compiled (diagnostics + emit) in {stripeCode.CompileMs:F0} ms, {stripeCode.AllocatedMb:F0} MB allocated."));
        return new GeneratorFigures(warmMsStripe, warmUsPerOperation, first.OursMs, stripeCode.Megabytes, stripeCode.CompileMs, reemitted);
    }
}
