using System.Collections.Concurrent;
using System.Globalization;
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

    /// <summary>What failures of the same class share: the outcome and the first error, without names and numbers.</summary>
    public string Signature => Outcome + ": " + Regex.Replace(Regex.Replace(Detail.Split('\n')[0], "'[^']*'", "'…'"), "[0-9]+", "N");
}

/// <summary>Runs fuzz cases through the generator (and, when it reports no error, the compiler) and judges them.</summary>
internal sealed class FuzzRunner(string workDirectory, IReadOnlyList<SeedSpec> seeds)
{
    /// <summary>
    /// The most the generator may take on one case (CPU time of its thread). Compiling its output is the test's
    /// oracle, not the generator's work: it is measured and reported, but a big client compiling in 5 s on a loaded
    /// machine says nothing about the generator.
    /// </summary>
    public static readonly TimeSpan CaseBudget = TimeSpan.FromSeconds(5);

    /// <summary>A case still running after this (wall clock) is abandoned and reported as a hang.</summary>
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(60);

    // Binding ~170 reference assemblies costs far more than compiling the generated code. A compilation
    // derived with AddSyntaxTrees keeps its parent's bound references, so every case derives from this one.
    // Not concurrent: cases already run in parallel, and the case's thread clock then sees all its work.
    private static readonly Lazy<Compilation> s_consumer = new(() =>
    {
        Compilation compilation = new GeneratorHarness().Compilation;
        compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        compilation.GetDiagnostics();
        return compilation;
    });

    // Many mutations leave the generated code as it was (an example, a description the emitter drops):
    // identical output compiles the same, so it is compiled once.
    private readonly ConcurrentDictionary<string, string?> _compiled = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>> _baselines = new(StringComparer.Ordinal);

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
        double start = ThreadCpuClock.NowMs;
        GeneratorDriverRunResult run = Generate(fuzzCase.SpecName, fuzzCase.Text);
        double generateMs = ThreadCpuClock.NowMs - start;

        Exception? exception = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        if (exception is not null)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.Exception, generateMs, 0, exception.GetType().Name + ": " + exception.Message + "\n" + exception.StackTrace);
        }

        Diagnostic? internalError = run.Diagnostics.FirstOrDefault(d => d.Id == "HCG0012");
        if (internalError is not null)
        {
            return new FuzzResult(fuzzCase, FuzzOutcome.Hcg0012, generateMs, 0, internalError.GetMessage(CultureInfo.InvariantCulture) + "\n" + internalError.Location.GetLineSpan());
        }

        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return Timed(fuzzCase, FuzzOutcome.Explained, generateMs, 0, string.Join("\n", errors.Select(d => d.Id).Distinct()));
        }

        start = ThreadCpuClock.NowMs;
        string? compileErrors = Compile(fuzzCase, run);
        double compileMs = ThreadCpuClock.NowMs - start;
        return compileErrors is null
            ? Timed(fuzzCase, FuzzOutcome.Compiled, generateMs, compileMs, string.Empty)
            : Timed(fuzzCase, FuzzOutcome.NotCompiling, generateMs, compileMs, compileErrors);
    }

    private static GeneratorDriverRunResult Generate(string specName, string text) =>
        GeneratorHarness.ForSpec(text, "/project/spec/" + Path.ChangeExtension(specName, ".yaml")).Run();

    private static FuzzResult Timed(FuzzCase fuzzCase, FuzzOutcome outcome, double generateMs, double compileMs, string detail) =>
        generateMs > CaseBudget.TotalMilliseconds
            ? new FuzzResult(fuzzCase, FuzzOutcome.TooSlow, generateMs, compileMs, $"took {generateMs:F0} ms to generate + {compileMs:F0} ms to compile (then {outcome})")
            : new FuzzResult(fuzzCase, outcome, generateMs, compileMs, detail);

    /// <summary>
    /// The first compiler errors, or null. When the mutation changed only the contents of files the
    /// unmutated spec also generates, only the changed files are analysed: an unchanged file can only break
    /// through a declaration elsewhere, and the generated code names every type it uses, so a changed
    /// declaration also changes the files that use it. New or missing files (a new schema name that may
    /// shadow a type) get the whole compilation analysed.
    /// </summary>
    private string? Compile(FuzzCase fuzzCase, GeneratorDriverRunResult run)
    {
        var generated = run.Results.SelectMany(r => r.GeneratedSources).ToList();
        string key = OutputKey(generated);
        if (_compiled.TryGetValue(key, out string? known))
        {
            return known;
        }

        IReadOnlyDictionary<string, string>? baseline = fuzzCase.Mutations.Count > 0 && seeds.Any(s => s.Name == fuzzCase.SpecName) ? Baseline(fuzzCase.SpecName) : null;
        bool sameFiles = baseline is not null && generated.Count == baseline.Count && generated.All(g => baseline.ContainsKey(g.HintName));
        Compilation compilation = s_consumer.Value.AddSyntaxTrees(generated.Select(g => g.SyntaxTree));
        IEnumerable<Diagnostic> diagnostics = sameFiles
            ? generated.Where(g => baseline![g.HintName] != g.SourceText.ToString()).SelectMany(g => compilation.GetSemanticModel(g.SyntaxTree).GetDiagnostics())
            : compilation.GetDiagnostics();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        string? result = errors.Count == 0 ? null : string.Join("\n", errors.Select(Describe));
        _compiled[key] = result;
        return result;
    }

    private IReadOnlyDictionary<string, string> Baseline(string specName) =>
        _baselines.GetOrAdd(specName, name => new Lazy<IReadOnlyDictionary<string, string>>(() =>
            Generate(name, seeds.Single(s => s.Name == name).Text).Results
                .SelectMany(r => r.GeneratedSources)
                .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal))).Value;

    private static string OutputKey(IEnumerable<GeneratedSourceResult> generated)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (GeneratedSourceResult source in generated)
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

        return error.Id + " " + error.GetMessage(CultureInfo.InvariantCulture) + "\n" + line;
    }
}
