using System.Diagnostics;
using System.Globalization;
using HelpCrunchGen.Benchmarks.PerCall;

namespace HelpCrunchGen.Benchmarks.RuntimePieces;

/// <summary>
/// The quick mode of <see cref="RuntimePiecesBenchmarks"/> (<c>--runtime-pieces</c>): a Stopwatch +
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> loop, the variants interleaved round by round, and for each
/// plain alternative the ratio piece / plain, round by round, as mean ± 99.9 % interval.
/// </summary>
internal static class RuntimePiecesRunner
{
    public const int Rounds = 20;

    // Student's t, 99.9 % two-sided, 19 degrees of freedom.
    private const double StudentT999 = 3.883;

    public static int Run(TextWriter output, IReadOnlyList<Scenario> scenarios)
    {
        output.WriteLine($"Runtime pieces: Stopwatch loop, {Rounds} interleaved rounds of about 30 ms per variant, mean ± 99.9 % interval.");
        output.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        foreach (Scenario scenario in scenarios)
        {
            var bench = new RuntimePiecesBenchmarks { Scenario = scenario };
            bench.Setup();
            IReadOnlyList<Variant> variants = Variant.Each;
            Action[] calls = variants.Select(v => ToSync(bench.GetCall(v.Name))).ToArray();
            int[] counts = calls.Select(Size).ToArray();
            var times = variants.Select(_ => new List<double>()).ToArray();
            var bytes = variants.Select(_ => new List<double>()).ToArray();

            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(scenario == Scenario.Seed ? 5 : 3))
            {
                Round(calls, counts, null, null, 0);
            }

            for (int round = 0; round < Rounds; round++)
            {
                Round(calls, counts, times, bytes, round); // the order rotates each round
            }

            output.WriteLine();
            output.WriteLine($"{scenario}");
            output.WriteLine($"{"variant",-28} {"time/call",10} {"± 99.9%",8} {"bytes/call",10} {"piece/plain time",18} {"piece/plain bytes",17}");
            for (int v = 0; v < variants.Count; v++)
            {
                var ratios = times[0].Zip(times[v], (piece, plain) => piece / plain).ToList();
                string ratio = v == 0 ? "" : $"{ratios.Average(),6:F3} ± {Half(ratios),5:F3}";
                string byteRatio = v == 0 ? "" : $"{bytes[0].Average() / bytes[v].Average(),6:F3}";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{variants[v].Name,-28} {times[v].Average(),8:F0}ns {Half(times[v]),6:F0}ns {bytes[v].Average(),10:F0} {ratio,18} {byteRatio,17}"));
            }
        }

        return 0;
    }

    private static void Round(Action[] calls, int[] counts, List<double>[]? times, List<double>[]? bytes, int rotation)
    {
        for (int k = 0; k < calls.Length; k++)
        {
            int v = (k + rotation) % calls.Length;
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < counts[v]; i++)
            {
                calls[v]();
            }

            long elapsed = Stopwatch.GetTimestamp() - start;
            times?[v].Add(elapsed * 1e9 / Stopwatch.Frequency / counts[v]);
            bytes?[v].Add((double)(GC.GetAllocatedBytesForCurrentThread() - before) / counts[v]);
        }
    }

    // Calls per round for about 30 ms.
    private static int Size(Action call)
    {
        var sizing = Stopwatch.StartNew();
        int n = 0;
        while (sizing.ElapsedMilliseconds < 30 || n < 20)
        {
            call();
            n++;
        }

        return Math.Max(5, (int)(n * 30 / sizing.Elapsed.TotalMilliseconds));
    }

    private static Action ToSync(Func<Task> call) => () =>
    {
        if (!call().IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("A call did not complete synchronously; allocation counts would be wrong.");
        }
    };

    private static double Half(List<double> values)
    {
        double mean = values.Average();
        return StudentT999 * Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Count - 1) / values.Count);
    }
}
