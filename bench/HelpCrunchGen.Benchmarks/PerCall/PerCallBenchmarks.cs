using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HelpCrunchGen.Benchmarks.HandWritten;
using HelpCrunchGen.Runtime;
using Refit;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>
/// One seed call (PUT /chats/assignee → 200 with the documented chat) through each client, against the same
/// in-memory handler. Only the client differs; the handler's own cost (a response message per call) is in every row.
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
    private TypicalClient _typical = null!;
    private LeanClient _lean = null!;
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

    /// <summary>The contenders this build has, in table order (Kiota and NSwag only when their tools generated a client).</summary>
    public static IReadOnlyList<string> Contenders { get; } =
    [
        nameof(HandWritten_Typical), nameof(HandWritten_Lean), nameof(Generated), nameof(Refit),
#if HAS_KIOTA
        nameof(Kiota),
#endif
#if HAS_NSWAG
        nameof(NSwag),
#endif
    ];

    [GlobalSetup]
    public void Setup()
    {
        byte[] body = SpecExamples.ChatJson;

        // Hand-written and Refit: the usual set-up, headers as defaults of the HttpClient.
        _typical = new TypicalClient(NewClient(nameof(HandWritten_Typical), body, authorization: true, accept: true));
        _lean = new LeanClient(NewClient(nameof(HandWritten_Lean), body, authorization: true, accept: true));
        _refit = RestService.For<IRefitHelpCrunchApi>(
            NewClient(nameof(Refit), body, authorization: true, accept: true),
            new RefitSettings(new SystemTextJsonContentSerializer(HandJsonContext.Default.Options)));

        // Ours adds Authorization and Accept per request from its options.
        _generated = new HelpCrunch.Api.HelpCrunchClient(NewClient(nameof(Generated), body, authorization: false, accept: false), new ApiClientOptions { ApiKey = ApiKey });

#if HAS_KIOTA
        // Kiota and NSwag add their own Accept header.
        var adapter = new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(
            new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(),
            httpClient: NewClient(nameof(Kiota), body, authorization: true, accept: false))
        {
            BaseUrl = BaseAddress.TrimEnd('/'),
        };
        _kiota = new Kiota.HelpCrunch.KiotaHelpCrunchClient(adapter);
#endif
#if HAS_NSWAG
        _nswag = new NSwag.HelpCrunch.NSwagHelpCrunchClient(NewClient(nameof(NSwag), body, authorization: true, accept: false));
#endif
        Verify();
    }

    [Benchmark(Baseline = true, Description = "hand-written, typical (PutAsJsonAsync + ReadFromJsonAsync, STJ source-gen)")]
    public Task<HandWritten.Chat> HandWritten_Typical() => _typical.UpdateChatAssigneeAsync(_handRequest);

    [Benchmark(Description = "hand-written, lean floor (Utf8JsonWriter, ResponseHeadersRead, STJ source-gen from stream)")]
    public Task<HandWritten.Chat> HandWritten_Lean() => _lean.UpdateChatAssigneeAsync(_handRequest);

    [Benchmark(Description = "HelpCrunchGen (generated client)")]
    public Task<HelpCrunch.Api.Chat> Generated() => _generated.UpdateChatAssigneeAsync(_generatedRequest);

    [Benchmark(Description = "Refit 16.4 (STJ source-gen context)")]
    public Task<HandWritten.Chat> Refit() => _refit.UpdateChatAssigneeAsync(_handRequest);

#if HAS_KIOTA
    [Benchmark(Description = "Kiota 1.38 (generated at build time)")]
    public Task<Kiota.HelpCrunch.Models.Chat?> Kiota() => _kiota.Chats.Assignee.PutAsync(_kiotaRequest);
#endif

#if HAS_NSWAG
    [Benchmark(Description = "NSwag 14.7 (generated at build time, STJ reflection)")]
    public Task<NSwag.HelpCrunch.Chat> NSwag() => _nswag.UpdateChatAssigneeAsync(_nswagRequest);
#endif

    /// <summary>Runs one contender by name (the quick mode's loop calls this through a cached delegate).</summary>
    public Func<Task> GetCall(string name) => name switch
    {
        nameof(HandWritten_Typical) => HandWritten_Typical,
        nameof(HandWritten_Lean) => HandWritten_Lean,
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

    private HttpClient NewClient(string contender, byte[] body, bool authorization, bool accept)
    {
        var handler = new InMemoryHandler(body);
        _handlers[contender] = handler;
        var client = new HttpClient(handler) { BaseAddress = new Uri(BaseAddress) };
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

    /// <summary>Every contender must send the same request and read the same chat, or its numbers mean nothing.</summary>
    private void Verify()
    {
        Check(nameof(HandWritten_Typical), () => HandWritten_Typical().GetAwaiter().GetResult().Assignee?.Id);
        Check(nameof(HandWritten_Lean), () => HandWritten_Lean().GetAwaiter().GetResult().Assignee?.Id);
        Check(nameof(Generated), () => Generated().GetAwaiter().GetResult().Assignee?.Id);
        Check(nameof(Refit), () => Refit().GetAwaiter().GetResult().Assignee?.Id);
#if HAS_KIOTA
        Check(nameof(Kiota), () => Kiota().GetAwaiter().GetResult()?.Assignee?.Id);
#endif
#if HAS_NSWAG
        Check(nameof(NSwag), () => NSwag().GetAwaiter().GetResult().Assignee?.Id);
#endif
    }

    private void Check(string name, Func<long?> call)
    {
        InMemoryHandler handler = _handlers[name];
        handler.Record = true;
        long? assigneeId = call();
        handler.Record = false;
        string expected = $"PUT {BaseAddress}chats/assignee | Authorization: Bearer {ApiKey} | Accept: application/json | Content-Type: application/json | assignee={AssigneeId},id={ChatId}";
        if (assigneeId != AssigneeId || handler.Recorded != expected)
        {
            throw new InvalidOperationException($"{name}: read assignee {assigneeId}, expected {AssigneeId}; sent{Environment.NewLine}  {handler.Recorded}{Environment.NewLine}expected{Environment.NewLine}  {expected}");
        }
    }
}
