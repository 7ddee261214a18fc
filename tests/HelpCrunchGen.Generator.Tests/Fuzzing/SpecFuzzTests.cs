using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>
/// Structure-aware fuzzing of the generator over mutated copies of the seed specs (see <see cref="SeedSpec"/>).
/// The bar per case: the generator throws nothing and reports no HCG0012; either an HCG error explains the
/// problem or the output compiles with 0 errors; and the case takes at most 5 s (CPU time of its thread on
/// Linux, where a busy machine would otherwise decide; wall clock elsewhere).
/// <para>
/// <c>HCG_FUZZ_CASES</c> sets how many cases run (default 2000; seeds 0 … N-1). <c>HCG_FUZZ_SEED</c> replays
/// one case and prints its spec (or several: <c>HCG_FUZZ_SEED=12,345</c>); <c>HCG_FUZZ_SPEC</c>=path runs one spec file (a hand-minimised reproduction). Every run writes <c>results.tsv</c> (one line per case: seed, spec, outcome,
/// times, mutations) and the spec of each failing case (<c>case-SEED.yaml</c>) to <c>$TMPDIR/hcg-fuzz</c>.
/// </para>
/// </summary>
public sealed class SpecFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 2000;
    private const int DetailedFailures = 60;
    private static readonly System.Text.Encoding s_lenientUtf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly Lazy<IReadOnlyList<SeedSpec>> s_seeds = new(SeedSpec.LoadAll);

    [Fact]
    public void SpecFuzz_mutated_specs_give_an_HCG_error_or_compiling_code()
    {
        IReadOnlyList<SeedSpec> seeds = s_seeds.Value;
        string replaySeed = Environment.GetEnvironmentVariable("HCG_FUZZ_SEED") ?? string.Empty;
        string replaySpec = Environment.GetEnvironmentVariable("HCG_FUZZ_SPEC") ?? string.Empty;
        bool replay = replaySeed.Length > 0 || replaySpec.Length > 0;
        // Cases are made on the workers: mutating is not free either.
        int[] replaySeeds = replaySeed.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        int count = replaySpec.Length > 0 ? 1 : replaySeeds.Length > 0 ? replaySeeds.Length : CaseCount();
        Func<int, FuzzCase> make = replaySpec.Length > 0 ? _ => new FuzzCase(-1, Path.GetFileName(replaySpec), ["read from " + replaySpec], File.ReadAllText(replaySpec))
            : replaySeeds.Length > 0 ? i => SpecMutator.Create(replaySeeds[i], seeds)
            : seed => SpecMutator.Create(seed, seeds);
        string work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), replay ? "hcg-fuzz-replay" : "hcg-fuzz")).FullName;
        foreach (string stale in Directory.EnumerateFiles(work, "case-*.yaml").Concat(Directory.EnumerateFiles(work, "inflight-*.txt")))
        {
            File.Delete(stale);
        }

        var runner = new FuzzRunner(work, seeds);

        // Warm up (JIT, reference assemblies) so that the first cases are not charged for it.
        runner.Run(SpecMutator.Create(0, seeds));

        var stopwatch = Stopwatch.StartNew();
        var results = new FuzzResult[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            results[i] = runner.Run(make(i)));
        stopwatch.Stop();

        WriteResults(work, results);
        if (replay && count == 1)
        {
            output.WriteLine(results[0].Case.Text);
        }

        string summary = Report(results, seeds, work, stopwatch.Elapsed);
        Assert.True(results.All(r => !r.Failed), summary);
    }

    [Fact]
    public void The_same_seed_gives_the_same_case()
    {
        IReadOnlyList<SeedSpec> seeds = s_seeds.Value;

        for (int seed = 100; seed < 140; seed++)
        {
            FuzzCase first = SpecMutator.Create(seed, seeds), second = SpecMutator.Create(seed, seeds);

            Assert.Equal(first.SpecName, second.SpecName);
            Assert.Equal(first.Mutations, second.Mutations);
            Assert.Equal(first.Text, second.Text);
            Assert.NotEmpty(first.Mutations);
        }
    }

    [Fact]
    public void An_unmutated_seed_written_back_as_yaml_reads_as_the_same_document()
    {
        foreach (SeedSpec seed in s_seeds.Value)
        {
            string written = YamlTextWriter.Write(seed.Tree);

            Assert.Equal(Canonical(seed.Text), Canonical(written));
        }
    }

    [Fact]
    public void Quoted_scalars_keep_every_character_yaml_can_hold()
    {
        string value = string.Concat(FuzzVocabulary.Unicode.Where(u => !u.Any(char.IsSurrogate) || char.IsSurrogatePair(u, 0)).Where(u => u != "\uFFFF"));

        string readBack = Canonical("k: " + YamlTextWriter.Quote(value));

        Assert.Equal("{k=" + value + "}", readBack);
    }

    private static int CaseCount()
    {
        string? text = Environment.GetEnvironmentVariable("HCG_FUZZ_CASES");
        return string.IsNullOrEmpty(text) ? DefaultCases : int.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>The document as YamlDotNet reads it, in a form where equal documents give equal text.</summary>
    private static string Canonical(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        var builder = new StringBuilder();
        Append(builder, stream.Documents[0].RootNode);
        return builder.ToString();

        static void Append(StringBuilder builder, YamlDotNet.RepresentationModel.YamlNode node)
        {
            switch (node)
            {
                case YamlDotNet.RepresentationModel.YamlScalarNode scalar:
                    builder.Append(scalar.Value);
                    break;
                case YamlDotNet.RepresentationModel.YamlSequenceNode sequence:
                    builder.Append('[');
                    foreach (var item in sequence.Children)
                    {
                        Append(builder, item);
                        builder.Append(',');
                    }

                    builder.Append(']');
                    break;
                case YamlDotNet.RepresentationModel.YamlMappingNode mapping:
                    builder.Append('{');
                    foreach (var entry in mapping.Children)
                    {
                        Append(builder, entry.Key);
                        builder.Append('=');
                        Append(builder, entry.Value);
                    }

                    builder.Append('}');
                    break;
            }
        }
    }

    private static void WriteResults(string work, FuzzResult[] results)
    {
        var lines = new List<string> { "seed\tspec\toutcome\tgenerate_ms\tcompile_ms\tmutations" };
        lines.AddRange(results.Select(r => string.Join('\t',
            r.Case.Seed, r.Case.SpecName, r.Outcome, r.GenerateMs.ToString("F0", CultureInfo.InvariantCulture),
            r.CompileMs.ToString("F0", CultureInfo.InvariantCulture), string.Join(" | ", r.Case.Mutations))));
        // Messages may quote spec text with lone surrogates: replace them rather than throw (File's default UTF-8 throws).
        File.WriteAllLines(Path.Combine(work, "results.tsv"), lines, s_lenientUtf8);
        foreach (FuzzResult failure in results.Where(r => r.Failed))
        {
            File.WriteAllText(Path.Combine(work, $"case-{failure.Case.Seed}.yaml"), failure.Case.Text, s_lenientUtf8);
        }
    }

    private string Report(FuzzResult[] results, IReadOnlyList<SeedSpec> seeds, string work, TimeSpan elapsed)
    {
        output.WriteLine($"Seed specs: {string.Join(", ", seeds.Select(s => s.Name))}. Results: {Path.Combine(work, "results.tsv")}");
        foreach (IGrouping<FuzzOutcome, FuzzResult> outcome in results.GroupBy(r => r.Outcome).OrderBy(g => g.Key))
        {
            output.WriteLine($"{outcome.Key}: {outcome.Count()}");
        }

        // One line per failure class, with its simplest example (fewest mutations, then lowest seed).
        var failures = results.Where(r => r.Failed).ToList();
        foreach (IGrouping<string, FuzzResult> failureClass in failures.GroupBy(r => r.Signature).OrderByDescending(g => g.Count()))
        {
            FuzzResult example = failureClass.OrderBy(r => r.Case.Mutations.Count).ThenBy(r => r.Case.Seed).First();
            output.WriteLine($"  {failureClass.Count(),5} x {failureClass.Key}  (e.g. HCG_FUZZ_SEED={example.Case.Seed})");
        }

        foreach (FuzzResult failure in failures.Take(DetailedFailures))
        {
            output.WriteLine(string.Empty);
            output.WriteLine($"FAIL HCG_FUZZ_SEED={failure.Case.Seed} spec={failure.Case.SpecName} {failure.Outcome} ({failure.GenerateMs:F0} + {failure.CompileMs:F0} ms) -> {Path.Combine(work, $"case-{failure.Case.Seed}.yaml")}");
            foreach (string mutation in failure.Case.Mutations)
            {
                output.WriteLine("  mutation: " + mutation);
            }

            output.WriteLine("  " + failure.Detail.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        FuzzResult slowest = results.MaxBy(r => r.GenerateMs)!;
        FuzzResult slowestCompile = results.MaxBy(r => r.CompileMs)!;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"SpecFuzz summary: cases={results.Length} exceptions={Count(FuzzOutcome.Exception)} hcg0012={Count(FuzzOutcome.Hcg0012)} " +
            $"non-compiling-without-HCG-error={Count(FuzzOutcome.NotCompiling)} too-slow={Count(FuzzOutcome.TooSlow)} hangs={Count(FuzzOutcome.Hang)} " +
            $"explained-by-HCG-error={Count(FuzzOutcome.Explained)} compiled={Count(FuzzOutcome.Compiled)} " +
            $"slowest-generation={slowest.GenerateMs:F0}ms (HCG_FUZZ_SEED={slowest.Case.Seed}) slowest-compile={slowestCompile.CompileMs:F0}ms (HCG_FUZZ_SEED={slowestCompile.Case.Seed}) " +
            $"{(ThreadCpuClock.IsCpuTime ? "thread-CPU" : "wall")} elapsed={elapsed.TotalSeconds:F0}s");
        output.WriteLine(string.Empty);
        output.WriteLine(summary);
        return summary;

        int Count(FuzzOutcome outcome) => results.Count(r => r.Outcome == outcome);
    }
}
