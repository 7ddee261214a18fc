using System.Diagnostics;
using System.Globalization;
using HelpCrunchGen.Benchmarks.Generator;
using HelpCrunchGen.Benchmarks.Parse;
using HelpCrunchGen.Benchmarks.PerCall;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Benchmarks.Quick;

/// <summary>
/// The quick mode: NOT BenchmarkDotNet. A Stopwatch + <see cref="GC.GetAllocatedBytesForCurrentThread"/> loop over the
/// same benchmark classes, in this process, with the contenders interleaved round by round, the mean of 15 rounds with its 99.9 % interval.
/// It finishes in about a minute and a half; its numbers are indicative, the BenchmarkDotNet run (no flag) is the reference.
/// </summary>
internal static class QuickRunner
{
    /// <summary>Measured rounds per contender; the 99.9 % interval below uses Student's t for 14 degrees of freedom.</summary>
    public const int Rounds = 15;

    private const double StudentT999 = 4.140;

    private static readonly TimeSpan s_roundTarget = TimeSpan.FromMilliseconds(30);

    /// <summary>The floor of a scenario: the faster of its two variants.</summary>
    public static string FloorOf(IReadOnlyDictionary<string, CallResult> results) =>
        PerCallBenchmarks.FloorVariants.MinBy(n => results[n].Nanoseconds)!;

    private static string Describe(Scenario scenario) => scenario switch
    {
        Scenario.Seed => "PUT /chats/assignee, the documented chat",
        Scenario.List => $"GET /chats, {Payloads.ListPageSize} chats ({Size(Payloads.ListPage.Length)}), Content-Length",
        Scenario.ListChunked => "the same page, chunked (no Content-Length)",
        _ => $"the same page, gzip ({Size(Payloads.Body(Scenario.ListGzip).Length)}) + automatic decompression",
    };

    public static QuickResults Run(TextWriter output)
    {
        var results = new QuickResults();
        var total = Stopwatch.StartNew();
        output.WriteLine("Quick mode: Stopwatch + GC.GetAllocatedBytesForCurrentThread loop (not BenchmarkDotNet), mean of 15 interleaved rounds ± 99.9 % interval.");
        output.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        output.WriteLine();

        foreach (Scenario scenario in Enum.GetValues<Scenario>())
        {
            var perCall = new PerCallBenchmarks { Scenario = scenario };
            perCall.Setup();
            Dictionary<string, CallResult> measured = MeasureCalls(PerCallBenchmarks.Contenders, name => ToSync(perCall.GetCall(name)), warmUp: TimeSpan.FromSeconds(scenario == Scenario.Seed ? 6 : 3), rounds: Rounds);
            results.PerCall[scenario] = measured;
            Print(output, $"Per call, {scenario}: {Describe(scenario)} (baseline: typical hand-written)", measured, nameof(PerCallBenchmarks.HandWritten_Typical));
            PrintRatio(output, "generated / floor", measured[nameof(PerCallBenchmarks.Generated)], measured[FloorOf(measured)]);
            PrintRatio(output, "generated / Refit", measured[nameof(PerCallBenchmarks.Generated)], measured[nameof(PerCallBenchmarks.Refit)]);
            output.WriteLine();
        }

        var parse = new ParseBenchmarks();
        parse.Setup();
        results.Parse = MeasureCalls(ParseBenchmarks.Contenders, name => { Func<object> call = parse.GetCall(name); return () => call(); }, warmUp: TimeSpan.FromSeconds(2), rounds: Rounds);
        Print(output, "Parse only: the documented Chat payload from UTF-8 bytes (baseline: STJ source-generated)", results.Parse, nameof(ParseBenchmarks.StjSourceGenerated));

        output.WriteLine("Generator (in-process CSharpGeneratorDriver). first = first cold run in this process, JIT included; cold = new driver + new generator,");
        output.WriteLine("median after 2 s of unmeasured cold runs; warm = same driver again, nothing changed; warm recomputed = step outputs the warm run computed (0 = all cached)");
        output.WriteLine($"{"spec",-20} {"size",9} {"outputs",8} {"first ms",9} {"cold ms",9} {"cold alloc",12} {"warm µs",9} {"warm alloc",11} {"warm recomputed",16}");
        foreach (string spec in GeneratorBenchmarks.SpecNames())
        {
            GeneratorInputs inputs = GeneratorBenchmarks.Load(spec);
            GeneratorResult r = MeasureGenerator(inputs);
            results.Generator[spec] = r;
            int recomputed = inputs.StepsRecomputedOnWarmRun();
            output.WriteLine($"{spec,-20} {Size(inputs.Length),9} {r.Outputs,8} {r.FirstMs,9:F1} {r.ColdMs,9:F1} {Size(r.ColdBytes),12} {r.WarmUs,9:F1} {Size(r.WarmBytes),11} {recomputed,16}");
        }

        GeneratorInputs helpcrunch = GeneratorBenchmarks.Load("helpcrunch");
        // The edited text occurs once in the spec (UpdateChatAssigneeRequest.assignee), so one schema changes.
        results.ReemittedHelpCrunch = helpcrunch.ReemittedAfterEdit(helpcrunch.Yaml.Replace("Id of the agent to assign. Use null to unassign the chat.", "Id of the agent to assign (edited).", StringComparison.Ordinal));
        GeneratorInputs synthetic = GeneratorBenchmarks.Load("synthetic-1000ops");
        results.ReemittedSynthetic = synthetic.ReemittedAfterEdit(SyntheticSpec.EditOneSchema(synthetic.Yaml, GeneratorBenchmarks.SyntheticSchemas));
        output.WriteLine($"Outputs re-emitted after editing one schema's description: helpcrunch {results.ReemittedHelpCrunch}, synthetic-1000ops {results.ReemittedSynthetic}");
        output.WriteLine();
        output.WriteLine($"Quick mode measured in {total.Elapsed.TotalSeconds:F1} s.");
        return results;
    }

    private static Action ToSync(Func<Task> call) => () =>
    {
        Task task = call();
        if (!task.IsCompletedSuccessfully)
        {
            // The in-memory handler completes synchronously; anything else would hide work on other threads.
            task.GetAwaiter().GetResult();
            throw new InvalidOperationException("A call did not complete synchronously; allocation counts would be wrong.");
        }
    };

    private static Dictionary<string, CallResult> MeasureCalls(IReadOnlyList<string> names, Func<string, Action> getCall, TimeSpan warmUp, int rounds)
    {
        var calls = names.ToDictionary(n => n, getCall);
        var counts = new Dictionary<string, int>();
        foreach ((string name, Action call) in calls)
        {
            // Size a round to about s_roundTarget.
            var sizing = Stopwatch.StartNew();
            int n = 0;
            while (sizing.ElapsedMilliseconds < 50 || n < 20)
            {
                call();
                n++;
            }

            counts[name] = Math.Max(5, (int)(n * s_roundTarget.TotalMilliseconds / sizing.Elapsed.TotalMilliseconds));
        }

        // Warm-up rounds, discarded: tiered JIT with dynamic PGO takes seconds to reach its final code here
        // (measured rounds before that were 2-3x slower than BenchmarkDotNet's steady state).
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < warmUp)
        {
            RunRound(names, calls, counts, times: null, bytes: null);
        }

        var times = names.ToDictionary(n => n, _ => new List<double>());
        var bytes = names.ToDictionary(n => n, _ => new List<double>());
        for (int round = 0; round < rounds; round++)
        {
            RunRound(names, calls, counts, times, bytes);
        }

        return names.ToDictionary(n => n, n => new CallResult(times[n].Average(), Median(bytes[n]), times[n]));
    }

    private static void RunRound(
        IReadOnlyList<string> names,
        Dictionary<string, Action> calls,
        Dictionary<string, int> counts,
        Dictionary<string, List<double>>? times,
        Dictionary<string, List<double>>? bytes)
    {
        foreach (string name in names)
        {
            Action call = calls[name];
            int n = counts[name];
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                call();
            }

            long elapsed = Stopwatch.GetTimestamp() - start;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times?[name].Add(elapsed * 1e9 / Stopwatch.Frequency / n);
            bytes?[name].Add((double)allocated / n);
        }
    }

    private static GeneratorResult MeasureGenerator(GeneratorInputs inputs)
    {
        var first = Stopwatch.StartNew();
        int outputs = GeneratorInputs.CountSources(inputs.RunCold());
        double firstMs = first.Elapsed.TotalMilliseconds;

        // Unmeasured cold runs for about two seconds (at least two), so that the JIT has tiered the generator up;
        // then the steady cold runs: as many as fit in about 1.5 s, at least 3, at most 25.
        var warmUp = Stopwatch.StartNew();
        for (int i = 0; i < 2 || warmUp.ElapsedMilliseconds < 2000; i++)
        {
            GC.KeepAlive(inputs.RunCold());
        }

        var coldTimes = new List<double>();
        var coldBytes = new List<double>();
        var budget = Stopwatch.StartNew();
        while (coldTimes.Count < 3 || (coldTimes.Count < 25 && budget.ElapsedMilliseconds < 1500))
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            GeneratorDriver driver = inputs.RunCold();
            long elapsed = Stopwatch.GetTimestamp() - start;
            coldBytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            coldTimes.Add(elapsed * 1e3 / Stopwatch.Frequency);
            GC.KeepAlive(driver);
        }

        GeneratorDriver warm = inputs.RunCold();
        var warmTimes = new List<double>();
        var warmBytes = new List<double>();
        for (int i = 0; i < 50; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            warm = warm.RunGenerators(GeneratorInputs.Compilation);
            long elapsed = Stopwatch.GetTimestamp() - start;
            warmBytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            warmTimes.Add(elapsed * 1e6 / Stopwatch.Frequency);
        }

        return new GeneratorResult(outputs, firstMs, Median(coldTimes), Median(coldBytes), Median(warmTimes), Median(warmBytes));
    }

    private static void Print(TextWriter output, string title, Dictionary<string, CallResult> results, string baseline)
    {
        CallResult b = results[baseline];
        output.WriteLine(title);
        output.WriteLine($"{"contender",-28} {"mean time",11} {"± 99.9%",9} {"ratio",6} {"alloc/call",11} {"ratio",6}");
        foreach ((string name, CallResult r) in results)
        {
            output.WriteLine($"{name,-28} {Time(r.Nanoseconds),11} {Time(HalfInterval(r.Rounds)),9} {r.Nanoseconds / b.Nanoseconds,6:F2} {Size(r.Bytes),11} {r.Bytes / b.Bytes,6:F2}");
        }

        output.WriteLine();
    }

    /// <summary>
    /// The time ratio of two contenders, round by round (they ran interleaved, so each round's ratio cancels most of
    /// the machine's drift): its mean with the 99.9 % half-interval, and the allocation ratio.
    /// </summary>
    public static (double Mean, double HalfInterval) TimeRatio(CallResult contender, CallResult baseline)
    {
        var ratios = contender.Rounds.Zip(baseline.Rounds, (c, b) => c / b).ToList();
        return (ratios.Average(), HalfInterval(ratios));
    }

    private static void PrintRatio(TextWriter output, string what, CallResult contender, CallResult baseline)
    {
        (double mean, double half) = TimeRatio(contender, baseline);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: time {mean:F2} ± {half:F2} (99.9 %, {contender.Rounds.Count} rounds), alloc {contender.Bytes / baseline.Bytes:F2}"));
    }

    private static double HalfInterval(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return StudentT999 * Math.Sqrt(variance / values.Count);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    public static string Time(double nanoseconds) =>
        nanoseconds >= 1e6 ? (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms"
        : nanoseconds >= 1e3 ? (nanoseconds / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " µs"
        : nanoseconds.ToString("F0", CultureInfo.InvariantCulture) + " ns";

    public static string Size(double bytes) =>
        bytes >= 1 << 20 ? (bytes / (1 << 20)).ToString("F2", CultureInfo.InvariantCulture) + " MB"
        : bytes >= 1 << 10 ? (bytes / (1 << 10)).ToString("F2", CultureInfo.InvariantCulture) + " KB"
        : bytes.ToString("F0", CultureInfo.InvariantCulture) + " B";
}

/// <summary>A contender's mean time per call, median bytes per call, and the time per call of each measured round.</summary>
internal sealed record CallResult(double Nanoseconds, double Bytes, IReadOnlyList<double> Rounds);

internal sealed record GeneratorResult(int Outputs, double FirstMs, double ColdMs, double ColdBytes, double WarmUs, double WarmBytes);

internal sealed class QuickResults
{
    public Dictionary<Scenario, Dictionary<string, CallResult>> PerCall { get; } = [];

    public Dictionary<string, CallResult> Parse { get; set; } = [];

    public Dictionary<string, GeneratorResult> Generator { get; } = [];

    public int ReemittedHelpCrunch { get; set; }

    public int ReemittedSynthetic { get; set; }
}
