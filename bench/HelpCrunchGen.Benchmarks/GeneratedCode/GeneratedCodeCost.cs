using System.Diagnostics;
using System.Globalization;
using System.Text;
using HelpCrunchGen.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpCrunchGen.Benchmarks.GeneratedCode;

/// <summary>What one spec's generated code costs the user's build.</summary>
/// <param name="Bytes">UTF-8 size of every generated source.</param>
/// <param name="Files">How many sources the generator added.</param>
/// <param name="CompileMs">Emit of the generated trees with their parse and declaration diagnostics, after a warm-up compile.</param>
/// <param name="AllocatedMb">Managed memory the timed compile allocated.</param>
/// <param name="PeakWorkingSetMb">The process's peak working set after the compile.</param>
public sealed record GeneratedCodeResult(long Bytes, int Files, double CompileMs, double AllocatedMb, double PeakWorkingSetMb)
{
    public double Megabytes => Bytes / 1_000_000.0;
}

/// <summary>
/// Runs the generator in-process on a spec and compiles its output (with the runtime and the framework as references)
/// the way a build does: the size of the generated C# and what compiling it takes.
/// </summary>
public static class GeneratedCodeCost
{
    // The framework assemblies this process runs on, plus the runtime library the generated code calls.
    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(HelpCrunchGen.Runtime.ApiException).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static bool s_warmedUp;

    /// <summary>Measures <paramref name="specName"/> ("helpcrunch" or "stripe").</summary>
    public static GeneratedCodeResult Measure(string specName)
    {
        if (!s_warmedUp && Environment.GetEnvironmentVariable("HCG_DUMP_DIR") is null or "")
        {
            // The JIT's first compile of Roslyn is not the generated code's cost.
            Compile(Generate(GeneratorBenchmarks.Load("helpcrunch")));
            s_warmedUp = true;
        }

        GeneratedSourceResult[] sources = Generate(GeneratorBenchmarks.Load(specName));
        long bytes = sources.Sum(source => (long)Encoding.UTF8.GetByteCount(source.SourceText.ToString()));
        if (Environment.GetEnvironmentVariable("HCG_DUMP_DIR") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            foreach (GeneratedSourceResult source in sources)
            {
                File.WriteAllText(Path.Combine(dump, source.HintName), source.SourceText.ToString());
            }

            return new GeneratedCodeResult(bytes, sources.Length, 0, 0, 0);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        Compile(sources);
        double ms = clock.Elapsed.TotalMilliseconds;
        double allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1_000_000.0;
        double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000.0;
        return new GeneratedCodeResult(bytes, sources.Length, ms, allocatedMb, peakMb);
    }

    /// <summary>The <c>--gen-code [spec]</c> switch: one line per spec.</summary>
    public static int Run(TextWriter output, string? specName)
    {
        string[] specs = specName is null ? ["helpcrunch", "stripe"] : [specName];
        foreach (string spec in specs)
        {
            GeneratedCodeResult r = Measure(spec);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{spec}: {r.Megabytes:F2} MB generated in {r.Files} files; compile {r.CompileMs:F0} ms, {r.AllocatedMb:F0} MB allocated, peak working set {r.PeakWorkingSetMb:F0} MB"));
        }

        return 0;
    }

    private static GeneratedSourceResult[] Generate(GeneratorInputs inputs)
    {
        GeneratorDriver driver = inputs.RunCold();
        GeneratorInputs.CountSources(driver);
        return [.. driver.GetRunResult().Results.Single().GeneratedSources];
    }

    private static void Compile(GeneratedSourceResult[] sources)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Generated",
            sources.Select(source => source.SyntaxTree),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // As csc does: parse and declaration diagnostics first, then Emit, which binds each method body once and reports
        // its errors and warnings (nullable ones included). GetDiagnostics() before Emit would bind every body twice.
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Diagnostic[] problems =
        [
            .. compilation.GetParseDiagnostics().Concat(compilation.GetDeclarationDiagnostics()).Concat(result.Diagnostics)
                .Where(d => d.Severity >= DiagnosticSeverity.Warning),
        ];
        if (problems.Length > 0 || !result.Success)
        {
            throw new InvalidOperationException("The generated code does not compile cleanly: " + string.Join("; ", problems.Take(5)));
        }
    }
}
