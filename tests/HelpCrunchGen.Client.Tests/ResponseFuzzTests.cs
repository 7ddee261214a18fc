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
        var clock = Stopwatch.StartNew();

        foreach (Seed seed in seeds)
        {
            FuzzOperation operation = seed.IsError ? FuzzOperation.DeleteMessages : FuzzOperation.UpdateChatAssignee;
            foreach (FuzzResponse response in ResponseMutator.Framings(seed))
            {
                await runner.RunAsync("framing " + seed.Name, response, operation);
            }

            foreach (FuzzResponse response in ResponseMutator.Truncations(seed))
            {
                await runner.RunAsync("truncation " + seed.Name, response, operation);
            }

            foreach (FuzzResponse response in mutator.EveryValueMutation(seed))
            {
                await runner.RunAsync("value mutation " + seed.Name, response, operation);
            }
        }

        int index = 0;
        foreach (FuzzResponse response in ResponseMutator.OddBodies().Concat(ResponseMutator.HugeBodies()))
        {
            await runner.RunAsync("odd body", response, Operation(index++));
        }

        foreach (FuzzResponse response in ResponseMutator.BareValues())
        {
            foreach (FuzzOperation operation in FuzzRunner.AllOperations)
            {
                await runner.RunAsync("bare value", response, operation);
            }
        }

        int fixedCases = runner.Cases;
        for (int i = 0; i < randomCases; i++)
        {
            await runner.RunAsync($"random #{i} (seed {seedNumber})", mutator.Next(seeds), Operation(i));
        }

        output.WriteLine($"{runner.Cases:N0} cases ({fixedCases:N0} fixed, {randomCases:N0} random, seed {seedNumber}) from {seeds.Count} payloads in {clock.Elapsed.TotalSeconds:F1} s");
        foreach ((string outcome, int count) in runner.Outcomes)
        {
            output.WriteLine($"  {outcome,-40} {count,9:N0}");
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
}
