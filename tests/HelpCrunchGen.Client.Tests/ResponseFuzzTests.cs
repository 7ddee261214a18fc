using System.Diagnostics;
using System.Globalization;
using HelpCrunchGen.Client.Tests.Fuzz;
using Xunit.Abstractions;

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// Every documentation payload (responses and error envelopes), damaged in every way a server, proxy or network can
/// damage it, goes through the generated client: only a value or an <see cref="HelpCrunchGen.Runtime.ApiException"/>
/// may come out.
/// </summary>
/// <remarks>
/// The fixed suites (every framing, truncation at every byte, every mutation of every value, odd and huge bodies) always
/// run. On top of them come random mutation cases, 2,000 by default; set <c>HCG_FUZZ_CASES</c> for a heavy run, e.g.
/// <c>HCG_FUZZ_CASES=200000 dotnet test tests/HelpCrunchGen.Client.Tests --filter ResponseFuzzTests</c>.
/// The random cases are seeded, so a failure repeats; <c>HCG_FUZZ_SEED</c> picks another seed.
/// </remarks>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    private const int DefaultRandomCases = 2_000;
    private const int DefaultSeed = 20261129;

    // Payloads go to the operation that returns a chat: its reader goes deepest. At an error status the operation does not matter.
    private const FuzzOperation Chat = FuzzOperation.UpdateChatAssignee;

    [Fact]
    public async Task Every_damaged_documentation_payload_is_a_value_or_an_api_exception()
    {
        int randomCases = ReadSetting("HCG_FUZZ_CASES", DefaultRandomCases);
        int seedNumber = ReadSetting("HCG_FUZZ_SEED", DefaultSeed);
        IReadOnlyList<Seed> seeds = Seed.LoadAll();
        Assert.Contains(seeds, s => s.IsError);
        Assert.Contains(seeds, s => !s.IsError);

        var mutator = new ResponseMutator(seedNumber);
        var runner = new FuzzRunner();
        (string Suite, IEnumerable<FuzzCase> Cases)[] suites =
        [
            ("framing", seeds.SelectMany(seed => ResponseMutator.Framings(seed).Select(r => new FuzzCase(seed.Name, r, Chat)))),
            ("truncation at every byte", seeds.SelectMany(seed => ResponseMutator.Truncations(seed).Select(r => new FuzzCase(seed.Name, r, Chat)))),
            ("every value mutation", seeds.SelectMany(seed => mutator.EveryValueMutation(seed).Select(r => new FuzzCase(seed.Name, r, Chat)))),
            ("odd and huge bodies", ResponseMutator.OddBodies().Concat(ResponseMutator.HugeBodies()).Select((r, i) => new FuzzCase("odd body", r, Operation(i)))),
            ("bare values", ResponseMutator.BareValues().SelectMany(r => FuzzRunner.AllOperations.Select(o => new FuzzCase("bare value", r, o)))),
            ($"random (seed {seedNumber})", Enumerable.Range(0, randomCases).Select(i => new FuzzCase($"random #{i} (seed {seedNumber})", mutator.Next(seeds), Operation(i)))),
        ];

        var total = Stopwatch.StartNew();
        foreach ((string suite, IEnumerable<FuzzCase> cases) in suites)
        {
            int before = runner.Cases;
            var clock = Stopwatch.StartNew();
            foreach (FuzzCase fuzzCase in cases)
            {
                await runner.RunAsync(fuzzCase.Label, fuzzCase.Response, fuzzCase.Operation);
            }

            output.WriteLine($"{suite,-28} {runner.Cases - before,9:N0} cases {clock.Elapsed.TotalSeconds,6:F1} s");
        }

        output.WriteLine($"{"total",-28} {runner.Cases,9:N0} cases {total.Elapsed.TotalSeconds,6:F1} s ({seeds.Count} documentation payloads)");
        foreach ((string outcome, int count) in runner.Outcomes)
        {
            output.WriteLine($"  {outcome,-26} {count,9:N0}");
        }

        foreach (string finding in runner.Findings)
        {
            output.WriteLine(finding);
        }

        Assert.True(runner.FindingCount == 0, $"{runner.FindingCount} responses gave something other than a value or a proper ApiException:{Environment.NewLine}{string.Join(Environment.NewLine, runner.Findings)}");
    }

    private static FuzzOperation Operation(int index) => FuzzRunner.AllOperations[index % FuzzRunner.AllOperations.Length];

    private static int ReadSetting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : fallback;

    private sealed record FuzzCase(string Label, FuzzResponse Response, FuzzOperation Operation);
}
