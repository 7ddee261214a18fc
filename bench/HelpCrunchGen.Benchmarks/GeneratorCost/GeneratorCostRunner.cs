using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using HelpCrunchGen.Benchmarks.Generator;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Benchmarks.GeneratorCost;

/// <summary>
/// <c>--gen-cost</c>: the generator's cost per operation, warm and first run, over synthetic specs of 100, 1,000 and
/// 5,000 operations and the real-world specs. Warm = a new driver and generator on a JIT-warm process (the median
/// of several runs). First = one run in a fresh child process (<c>--gen-first-run</c>), JIT included; the median of
/// <c>firstRuns</c> children. Bytes are every thread's allocations (<c>GC.GetTotalAllocatedBytes</c>); cpu is the
/// process's CPU time over the run (every thread: JIT, GC), which a machine shared with other builds inflates far less
/// than wall time.
/// </summary>
internal static class GeneratorCostRunner
{
    public static int Run(TextWriter output, int firstRuns, string? only)
    {
        output.WriteLine("Generator cost. warm = new driver + new generator, JIT warm (median); first = one run in a fresh process, JIT included (median of "
            + firstRuns.ToString(CultureInfo.InvariantCulture) + " processes).");
        output.WriteLine($"{"spec",-30} {"ops",5} {"schemas",7} {"outputs",7} {"warm ms",9} {"µs/op",7} {"cpu/op",7} {"KB/op",7} {"first ms",9} {"µs/op",7} {"cpu/op",7} {"KB/op",7}");
        foreach (string spec in CostSpecs.All().Where(s => only is null || s.Contains(only, StringComparison.Ordinal)))
        {
            GeneratorInputs inputs = CostSpecs.Load(spec);
            (int operations, int schemas) = CostSpecs.Count(inputs.Yaml);
            (double firstMs, double firstCpuMs, double firstBytes) = MedianFirstRun(spec, firstRuns);
            (double warmMs, double warmCpuMs, double warmBytes, int outputs) = Warm(inputs);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{spec,-30} {operations,5} {(schemas < 0 ? "?" : schemas.ToString(CultureInfo.InvariantCulture)),7} {outputs,7} {warmMs,9:F1} {PerOp(warmMs * 1e3, operations),7} {PerOp(warmCpuMs * 1e3, operations),7} {PerOp(warmBytes / 1024, operations),7} {firstMs,9:F1} {PerOp(firstMs * 1e3, operations),7} {PerOp(firstCpuMs * 1e3, operations),7} {PerOp(firstBytes / 1024, operations),7}"));
        }

        return 0;
    }

    private static string PerOp(double value, int operations) =>
        operations == 0 ? "-" : (value / operations).ToString(value / operations < 10 ? "F2" : "F0", CultureInfo.InvariantCulture);

    /// <summary>Unmeasured runs for about a second (at least two), then the median of at least 3 runs (up to 2 s of them).</summary>
    public static (double Ms, double CpuMs, double Bytes, int Outputs) Warm(GeneratorInputs inputs)
    {
        int outputs = GeneratorInputs.CountSources(inputs.RunCold());
        var warmUp = Stopwatch.StartNew();
        for (int i = 0; i < 1 || warmUp.ElapsedMilliseconds < 1000; i++)
        {
            GC.KeepAlive(inputs.RunCold());
        }

        var times = new List<double>();
        var bytes = new List<double>();
        var budget = Stopwatch.StartNew();
        var cpu = new List<double>();
        // At least 3 runs (one when a run takes over 5 s), up to 2 s of them.
        while (times.Count < 1 || (times.Count < 3 && times[0] < 5000) || (times.Count < 15 && budget.ElapsedMilliseconds < 2000))
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            GeneratorDriver driver = inputs.RunCold();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            GC.KeepAlive(driver);
        }

        return (Median(times), Median(cpu), Median(bytes), outputs);
    }

    private static (double Ms, double CpuMs, double Bytes) MedianFirstRun(string spec, int runs)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        var bytes = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            string line = RunChild(spec, breakdown: false).Single(l => l.StartsWith("FIRST ", StringComparison.Ordinal));
            times.Add(Field(line, "ms"));
            cpu.Add(Field(line, "cpu_ms"));
            bytes.Add(Field(line, "bytes"));
        }

        return (Median(times), Median(cpu), Median(bytes));
    }

    /// <summary>Runs this program again as <c>--gen-first-run &lt;spec&gt;</c> and returns its output lines.</summary>
    public static string[] RunChild(string spec, bool breakdown)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("--gen-first-run");
        start.ArgumentList.Add(spec);
        if (breakdown)
        {
            start.ArgumentList.Add("--breakdown");
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + self);
        Task<string> error = child.StandardError.ReadToEndAsync();
        string text = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"--gen-first-run {spec} exited with {child.ExitCode}: {error.Result}");
        }

        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static double Field(string line, string name)
    {
        string prefix = name + "=";
        string field = line.Split(' ').Single(f => f.StartsWith(prefix, StringComparison.Ordinal));
        return double.Parse(field.AsSpan(prefix.Length), CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
