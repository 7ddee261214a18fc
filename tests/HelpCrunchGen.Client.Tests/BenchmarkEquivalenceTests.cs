extern alias bench;

using bench::HelpCrunchGen.Benchmarks.Floor;
using bench::HelpCrunchGen.Benchmarks.PerCall;

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// The benchmark's contenders (bench/HelpCrunchGen.Benchmarks) must do the same work, or their numbers mean nothing:
/// on every scenario each sends the same request (method, URI, Authorization, Accept, Content-Type, JSON body) and
/// parses the same values as the floor's hand-written reader.
/// </summary>
public sealed class BenchmarkEquivalenceTests
{
    public static TheoryData<Scenario, string> Cases()
    {
        var cases = new TheoryData<Scenario, string>();
        foreach (Scenario scenario in Enum.GetValues<Scenario>())
        {
            foreach (string contender in PerCallBenchmarks.Contenders)
            {
                cases.Add(scenario, contender);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Contender_sends_and_parses_what_the_floor_does(Scenario scenario, string contender)
    {
        var benchmarks = new PerCallBenchmarks { Scenario = scenario };
        benchmarks.Setup();
        (_, string floorParsed) = benchmarks.Observe(nameof(PerCallBenchmarks.Floor_Reader));

        (string request, string parsed) = benchmarks.Observe(contender);

        Assert.Equal(benchmarks.ExpectedRequest, request);
        Assert.Equal(floorParsed, parsed);
    }

    [Fact]
    public void The_floor_reads_the_seed_chat_and_the_whole_list_page()
    {
        var seed = new PerCallBenchmarks { Scenario = Scenario.Seed };
        seed.Setup();
        var list = new PerCallBenchmarks { Scenario = Scenario.ListGzip };
        list.Setup();

        string chat = seed.Observe(nameof(PerCallBenchmarks.Floor_Reader)).Parsed;
        string page = list.Observe(nameof(PerCallBenchmarks.Floor_Reader)).Parsed;

        Assert.Contains($"assignee={PerCallBenchmarks.AssigneeId}/", chat, StringComparison.Ordinal);
        Assert.StartsWith($"total={Payloads.ListTotal} count={Payloads.ListPageSize}\n", page, StringComparison.Ordinal);
        Assert.Equal(Payloads.ListPageSize + 1, page.Split('\n').Length);
    }

    [Fact]
    public void A_value_parsed_differently_changes_the_canonical_text()
    {
        ListChatsResponse page = FloorReader.ReadListChats(Payloads.ListPage);
        string before = Canonical.Of(page);

        page.Data![57].Customer!.Email = "someone.else@example.com";

        Assert.NotEqual(before, Canonical.Of(page));
    }
}
