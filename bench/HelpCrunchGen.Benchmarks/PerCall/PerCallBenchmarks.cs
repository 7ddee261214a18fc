using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using HelpCrunchGen.Benchmarks.Floor;
using HelpCrunchGen.Benchmarks.HandWritten;
using HelpCrunchGen.Runtime;
using Refit;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>
/// One call through each client against the same in-memory handler, per <see cref="Scenario"/>: the seed call
/// (PUT /chats/assignee → the documented chat) and a 100-chat GET /chats page with Content-Length, chunked, or gzip.
/// Only the client differs; the handler's own cost (a response message per call) is in every row.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("PerCall")]
public class PerCallBenchmarks
{
    public const string BaseAddress = "https://api.helpcrunch.com/v1/";
    public const string ApiKey = "bench-api-key-0123456789";
    public const long ChatId = 5214000;
    public const long AssigneeId = 4188;

    private readonly HandWritten.UpdateChatAssigneeRequest _handRequest = new() { Id = ChatId, Assignee = AssigneeId };
    private readonly HelpCrunch.Api.UpdateChatAssigneeRequest _generatedRequest = new() { Id = ChatId, Assignee = AssigneeId };
    private readonly Dictionary<string, InMemoryHandler> _handlers = new(StringComparer.Ordinal);
    private bool _seed;
    private TypicalClient _typical = null!;
    private FloorClient _floorStj = null!;
    private FloorClient _floorReader = null!;
    private HelpCrunch.Api.HelpCrunchClient _generated = null!;
    private IRefitHelpCrunchApi _refit = null!;
#if HAS_KIOTA
    private readonly Kiota.HelpCrunch.Models.UpdateChatAssigneeRequest _kiotaRequest = new() { Id = ChatId, Assignee = AssigneeId };
    private Kiota.HelpCrunch.KiotaHelpCrunchClient _kiota = null!;
#endif
#if HAS_NSWAG
    private readonly NSwag.HelpCrunch.UpdateChatAssigneeRequest _nswagRequest = new() { Id = ChatId, Assignee = AssigneeId };
    private NSwag.HelpCrunch.NSwagHelpCrunchClient _nswag = null!;
#endif

    /// <summary>The two floor variants; the floor of a scenario is whichever of them is faster.</summary>
    public static IReadOnlyList<string> FloorVariants { get; } = [nameof(Floor_Stj), nameof(Floor_Reader)];

    /// <summary>The contenders this build has, in table order (Kiota and NSwag only when their tools generated a client).</summary>
    public static IReadOnlyList<string> Contenders { get; } =
    [
        nameof(HandWritten_Typical), nameof(Floor_Stj), nameof(Floor_Reader), nameof(Generated), nameof(Refit),
#if HAS_KIOTA
        nameof(Kiota),
#endif
#if HAS_NSWAG
        nameof(NSwag),
#endif
    ];

    [Params(Scenario.Seed, Scenario.List, Scenario.ListChunked, Scenario.ListGzip)]
    public Scenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _seed = Scenario == Scenario.Seed;

        // Typical and Refit: the usual set-up, headers as defaults of the HttpClient.
        _typical = new TypicalClient(NewClient(nameof(HandWritten_Typical), authorization: true, accept: true));
        _refit = RestService.For<IRefitHelpCrunchApi>(
            NewClient(nameof(Refit), authorization: true, accept: true),
            new RefitSettings(new SystemTextJsonContentSerializer(HandJsonContext.Default.Options)));

        // The floor and ours add Authorization and Accept per request.
        _floorStj = new FloorClient(NewClient(nameof(Floor_Stj), authorization: false, accept: false), ApiKey, FloorJson.SourceGenerated);
        _floorReader = new FloorClient(NewClient(nameof(Floor_Reader), authorization: false, accept: false), ApiKey, FloorJson.HandReader);
        _generated = new HelpCrunch.Api.HelpCrunchClient(NewClient(nameof(Generated), authorization: false, accept: false), new ApiClientOptions { ApiKey = ApiKey });

#if HAS_KIOTA
        // Kiota and NSwag add their own Accept header.
        var adapter = new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(
            new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(),
            httpClient: NewClient(nameof(Kiota), authorization: true, accept: false))
        {
            BaseUrl = BaseAddress.TrimEnd('/'),
        };
        _kiota = new Kiota.HelpCrunch.KiotaHelpCrunchClient(adapter);
#endif
#if HAS_NSWAG
        _nswag = new NSwag.HelpCrunch.NSwagHelpCrunchClient(NewClient(nameof(NSwag), authorization: true, accept: false));
#endif
        Verify();
    }

    [Benchmark(Baseline = true, Description = "hand-written, typical (PutAsJsonAsync/GetFromJsonAsync, STJ source-gen, Web defaults, records)")]
    public Task HandWritten_Typical() => _seed ? _typical.UpdateChatAssigneeAsync(_handRequest) : _typical.ListChatsAsync();

    [Benchmark(Description = "floor, STJ source-gen (raw headers, pooled body, buffered sync parse, mutable classes, default options)")]
    public Task Floor_Stj() => _seed ? _floorStj.UpdateChatAssigneeAsync(ChatId, AssigneeId) : _floorStj.ListChatsAsync();

    [Benchmark(Description = "floor, hand-written Utf8JsonReader (raw headers, pooled body, buffered sync parse)")]
    public Task Floor_Reader() => _seed ? _floorReader.UpdateChatAssigneeAsync(ChatId, AssigneeId) : _floorReader.ListChatsAsync();

    [Benchmark(Description = "HelpCrunchGen (generated client)")]
    public Task Generated() => _seed ? _generated.UpdateChatAssigneeAsync(_generatedRequest) : _generated.ListChatsAsync();

    [Benchmark(Description = "Refit 16.4 (STJ source-gen context)")]
    public Task Refit() => _seed ? _refit.UpdateChatAssigneeAsync(_handRequest) : _refit.ListChatsAsync();

#if HAS_KIOTA
    [Benchmark(Description = "Kiota 1.38 (generated at build time)")]
    public Task Kiota() => _seed ? _kiota.Chats.Assignee.PutAsync(_kiotaRequest) : _kiota.Chats.GetAsync();
#endif

#if HAS_NSWAG
    [Benchmark(Description = "NSwag 14.7 (generated at build time, STJ reflection)")]
    public Task NSwag() => _seed ? _nswag.UpdateChatAssigneeAsync(_nswagRequest) : _nswag.ListChatsAsync(null, null, null, null);
#endif

    /// <summary>Runs one contender by name (the quick mode's loop calls this through a cached delegate).</summary>
    public Func<Task> GetCall(string name) => name switch
    {
        nameof(HandWritten_Typical) => HandWritten_Typical,
        nameof(Floor_Stj) => Floor_Stj,
        nameof(Floor_Reader) => Floor_Reader,
        nameof(Generated) => Generated,
        nameof(Refit) => Refit,
#if HAS_KIOTA
        nameof(Kiota) => Kiota,
#endif
#if HAS_NSWAG
        nameof(NSwag) => NSwag,
#endif
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The request the scenario must send, as <see cref="Observe"/> records it.</summary>
    public string ExpectedRequest => _seed
        ? $"PUT {BaseAddress}chats/assignee | Authorization: Bearer {ApiKey} | Accept: application/json | Content-Type: application/json | assignee={AssigneeId},id={ChatId}"
        : $"GET {BaseAddress}chats | Authorization: Bearer {ApiKey} | Accept: application/json | Content-Type: - | -";

    /// <summary>Calls one contender once with recording on: the request it sent and the canonical text of what it parsed.</summary>
    public (string Request, string Parsed) Observe(string name)
    {
        InMemoryHandler handler = _handlers[name];
        handler.Record = true;
        try
        {
            Task call = GetCall(name)();
            object? result = call.GetType().GetProperty("Result")!.GetValue(call);
            return (handler.Recorded!, Canonical.Of(result));
        }
        finally
        {
            handler.Record = false;
        }
    }

    private HttpClient NewClient(string contender, bool authorization, bool accept)
    {
        var handler = new InMemoryHandler(Payloads.Body(Scenario), Scenario);
        _handlers[contender] = handler;
        HttpMessageHandler transport = Scenario == Scenario.ListGzip ? new DecompressingHandler(handler) : handler;
        var client = new HttpClient(transport) { BaseAddress = new Uri(BaseAddress) };
        if (authorization)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }

        if (accept)
        {
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return client;
    }

    /// <summary>Every contender must send the same request and parse the same values as the floor, or its numbers mean nothing.</summary>
    private void Verify()
    {
        (_, string expected) = Observe(nameof(Floor_Reader));
        foreach (string name in Contenders)
        {
            (string request, string parsed) = Observe(name);
            if (request != ExpectedRequest || parsed != expected)
            {
                throw new InvalidOperationException($"{Scenario} {name}: sent{Environment.NewLine}  {request}{Environment.NewLine}expected{Environment.NewLine}  {ExpectedRequest}"
                    + (parsed == expected ? "" : $"{Environment.NewLine}and parsed something else than the floor:{Environment.NewLine}{parsed}{Environment.NewLine}floor:{Environment.NewLine}{expected}"));
            }
        }
    }
}
