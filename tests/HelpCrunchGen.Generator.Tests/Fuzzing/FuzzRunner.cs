using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests.Fuzzing;

internal enum FuzzOutcome
{
    /// <summary>No HCG error, and the output compiles with 0 errors.</summary>
    Compiled,

    /// <summary>An HCG error diagnostic explains why nothing (or less) was generated.</summary>
    Explained,

    Exception,
    Hcg0012,
    NotCompiling,
    TooSlow,
    Hang,
}

internal sealed record FuzzResult(FuzzCase Case, FuzzOutcome Outcome, double GenerateMs, double CompileMs, string Detail)
{
    public bool Failed => Outcome is not (FuzzOutcome.Compiled or FuzzOutcome.Explained);

    public double TotalMs => GenerateMs + CompileMs;

    /// <summary>What failures of the same class share: outcome and the first error, without the names in it.</summary>
    public string Signature => Outcome + ": " + Regex.Replace(Detail.Split('\n')[0], "'[^']*'", "'…'");
}

/// <summary>Runs fuzz cases through the generator (and, when it reports no error, the compiler) and judges them.</summary>
internal sealed class FuzzRunner(string workDirectory)
{
    /// <summary>The most one case may take: generating and, if needed, compiling.</summary>
    public static readonly TimeSpan CaseBudget = TimeSpan.FromSeconds(5);

    /// <summary>A case still running after this is abandoned and reported as a hang.</summary>
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(60);

    // Many mutations leave the generated code as it was (an example, a description the emitter drops):
    // identical output compiles the same, so it is compiled once.
    private readonly ConcurrentDictionary<string, (string? Errors, double Ms)> _compiled = new(StringComparer.Ordinal);

    public FuzzResult Run(FuzzCase fuzzCase)
    {
        // Written before the case runs: if the process dies (a stack overflow), this names the culprit.
        File.WriteAllText(Path.Combine(workDirectory, $"inflight-{Environment.CurrentManagedThreadId}.txt"), fuzzCase.Seed + Environment.NewLine);
        var task = Task.Factory.StartNew(() => RunCore(fuzzCase), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return task.Wait(s_hangLimit)
            ? task.Result
            : new FuzzResult(fuzzCase, FuzzOutcome.Hang, s_hangLimit.TotalMilliseconds, 0, $"still running after {s_hangLimit.TotalSeconds} s (abandoned)");
    }

    private FuzzResult RunCore(FuzzCase fuzzCase)
    {
        var stopwatch = Stopwatch.StartNew();
        var harness = GeneratorHarness.ForSpec(fuzzCase.Text, "/project/spec/" + Path.ChangeExtension(fuzzCase.SpecName, ".yaml"));
        GeneratorDriverRunResult run = harness.Run();
        double generateMs = stopwatch.Elapsed.TotalMilliseconds;

        Exception? exception = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        if (exception is not null)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.Exception, generateMs, 0, exception.GetType().Name + ": " + exception.Message + "\n" + exception.StackTrace);
        }

        Diagnostic? internalError = run.Diagnostics.FirstOrDefault(d => d.Id == "HCG0012");
        if (internalError is not null)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.Hcg0012, generateMs, 0, internalError.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + "\n" + internalError.Location.GetLineSpan());
        }

        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return Timed(fuzzCase, FuzzOutcome.Explained, generateMs, 0, string.Join("\n", errors.Select(d => d.Id).Distinct()));
        }

        (string? compileErrors, double compileMs) = Compile(harness, run);
        return compileErrors is null
            ? Timed(fuzzCase, FuzzOutcome.Compiled, generateMs, compileMs, string.Empty)
            : Timed(fuzzCase, FuzzOutcome.NotCompiling, generateMs, compileMs, compileErrors);
    }

    private static FuzzResult Timed(FuzzCase fuzzCase, FuzzOutcome outcome, double generateMs, double compileMs, string detail) =>
        generateMs + compileMs > CaseBudget.TotalMilliseconds
            ? new FuzzResult(fuzzCase, FuzzOutcome.TooSlow, generateMs, compileMs, $"took {generateMs:F0} ms to generate + {compileMs:F0} ms to compile (then {outcome})")
            : new FuzzResult(fuzzCase, outcome, generateMs, compileMs, detail);

    private (string? Errors, double Ms) Compile(GeneratorHarness harness, GeneratorDriverRunResult run)
    {
        string key = OutputKey(run);
        if (_compiled.TryGetValue(key, out (string? Errors, double Ms) known))
        {
            return (known.Errors, 0);
        }

        var stopwatch = Stopwatch.StartNew();
        var errors = harness.Output!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        (string?, double) result = (errors.Count == 0 ? null : string.Join("\n", errors.Select(Describe)), stopwatch.Elapsed.TotalMilliseconds);
        _compiled[key] = result;
        return result;
    }

    private static string OutputKey(GeneratorDriverRunResult run)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (GeneratedSourceResult source in run.Results.SelectMany(r => r.GeneratedSources))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(source.HintName + "\0" + source.SourceText + "\0"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The compiler's error with the generated line it points at.</summary>
    private static string Describe(Diagnostic error)
    {
        string line = string.Empty;
        if (error.Location.SourceTree is { } tree)
        {
            int index = error.Location.GetLineSpan().StartLinePosition.Line;
            line = "    at " + Path.GetFileName(tree.FilePath) + ":" + (index + 1) + ": " + tree.GetText().Lines[index].ToString().Trim();
        }

        return error.Id + " " + error.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + "\n" + line;
    }
}
