using BenchmarkDotNet.Attributes;
using HelpCrunchGen.Benchmarks.PerCall;

namespace HelpCrunchGen.Benchmarks.RuntimePieces;

/// <summary>
/// One call through the copied send path per <see cref="Variant"/>: every runtime piece as the runtime has it, or one
/// of them replaced by its plain alternative. Same handler and payloads as <see cref="PerCallBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("RuntimePieces")]
public class RuntimePiecesBenchmarks
{
    private readonly HelpCrunch.Api.UpdateChatAssigneeRequest _request = new() { Id = PerCallBenchmarks.ChatId, Assignee = PerCallBenchmarks.AssigneeId };
    private readonly Dictionary<string, (PieceClient Client, InMemoryHandler Handler)> _clients = new(StringComparer.Ordinal);
    private PieceClient _client = null!;

    [Params(Scenario.Seed, Scenario.List, Scenario.ListChunked, Scenario.ListGzip)]
    public Scenario Scenario { get; set; }

    [ParamsSource(nameof(VariantNames))]
    public string Variant { get; set; } = RuntimePieces.Variant.All.Name;

    public static IEnumerable<string> VariantNames => RuntimePieces.Variant.Each.Select(v => v.Name);

    [GlobalSetup]
    public void Setup()
    {
        foreach (Variant variant in RuntimePieces.Variant.Each)
        {
            var handler = new InMemoryHandler(Payloads.Body(Scenario), Scenario);
            HttpMessageHandler transport = Scenario == Scenario.ListGzip ? new DecompressingHandler(handler) : handler;
            var http = new HttpClient(transport) { BaseAddress = new Uri(PerCallBenchmarks.BaseAddress) };
            _clients[variant.Name] = (new PieceClient(http, variant, PerCallBenchmarks.BaseAddress, PerCallBenchmarks.ApiKey), handler);
        }

        Verify();
        _client = _clients[Variant].Client;
    }

    [Benchmark]
    public Task Call() => Call(_client);

    /// <summary>One call through the named variant (the quick mode's loop).</summary>
    public Func<Task> GetCall(string variant)
    {
        PieceClient client = _clients[variant].Client;
        return () => Call(client);
    }

    private Task Call(PieceClient client) =>
        Scenario == Scenario.Seed ? client.UpdateChatAssigneeAsync(_request) : client.ListChatsAsync();

    /// <summary>Every variant must send the request the generated client sends and parse the same values, or its numbers mean nothing.</summary>
    private void Verify()
    {
        var reference = new PerCallBenchmarks { Scenario = Scenario };
        reference.Setup();
        (string expectedRequest, string expectedParsed) = reference.Observe(nameof(PerCallBenchmarks.Generated));
        foreach ((string name, (PieceClient client, InMemoryHandler handler)) in _clients)
        {
            handler.Record = true;
            Task call = Call(client);
            handler.Record = false;
            string parsed = Canonical.Of(call.GetType().GetProperty("Result")!.GetValue(call));
            if (handler.Recorded != expectedRequest || parsed != expectedParsed)
            {
                throw new InvalidOperationException($"{Scenario} {name}: sent{Environment.NewLine}  {handler.Recorded}{Environment.NewLine}expected{Environment.NewLine}  {expectedRequest}"
                    + (parsed == expectedParsed ? "" : $"{Environment.NewLine}and parsed other values than the generated client."));
            }
        }
    }
}
