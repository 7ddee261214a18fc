using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using HelpCrunchGen.Benchmarks.HandWritten;

namespace HelpCrunchGen.Benchmarks.Parse;

/// <summary>Reading the documented Chat payload (UTF-8 bytes in memory) into records: no HTTP.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Parse")]
public class ParseBenchmarks
{
    private static readonly JsonSerializerOptions s_reflection = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private byte[] _json = null!;

    public static IReadOnlyList<string> Contenders { get; } =
        [nameof(StjSourceGenerated), nameof(FloorStj), nameof(FloorReader), nameof(GeneratedReader), nameof(GeneratedViaJsonSerializer), nameof(StjReflection)];

    [GlobalSetup]
    public void Setup()
    {
        _json = SpecExamples.ChatJson;
        if (GeneratedReader().Assignee?.Id != PerCall.PerCallBenchmarks.AssigneeId
            || GeneratedViaJsonSerializer().Assignee?.Id != PerCall.PerCallBenchmarks.AssigneeId
            || StjSourceGenerated().Assignee?.Id != PerCall.PerCallBenchmarks.AssigneeId
            || StjReflection().Assignee?.Id != PerCall.PerCallBenchmarks.AssigneeId
            || FloorStj().Assignee?.Id != PerCall.PerCallBenchmarks.AssigneeId
            || FloorReader().Assignee?.Id != PerCall.PerCallBenchmarks.AssigneeId)
        {
            throw new InvalidOperationException("A parser read the wrong chat.");
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source-generated context (typical: records, Web defaults)")]
    public HandWritten.Chat StjSourceGenerated() => JsonSerializer.Deserialize(_json, HandJsonContext.Default.Chat)!;

    [Benchmark(Description = "floor: STJ source-generated context, mutable classes, default options")]
    public Floor.Chat FloorStj() => JsonSerializer.Deserialize(_json, Floor.FloorJsonContext.Default.Chat)!;

    [Benchmark(Description = "floor: hand-written Utf8JsonReader")]
    public Floor.Chat FloorReader() => Floor.FloorReader.ReadChat(_json);

    [Benchmark(Description = "HelpCrunchGen emitted reader on a Utf8JsonReader (HelpCrunchJsonContext.Default.Chat)")]
    public HelpCrunch.Api.Chat GeneratedReader()
    {
        var reader = new Utf8JsonReader(_json);
        return JsonSerializer.Deserialize(ref reader, HelpCrunch.Api.HelpCrunchJsonContext.Default.Chat)!;
    }

    [Benchmark(Description = "HelpCrunchGen emitted converter via JsonSerializer + HelpCrunchJsonContext")]
    public HelpCrunch.Api.Chat GeneratedViaJsonSerializer() => JsonSerializer.Deserialize(_json, HelpCrunch.Api.HelpCrunchJsonContext.Default.Chat)!;

    [Benchmark(Description = "STJ reflection (hand-written records)")]
    public HandWritten.Chat StjReflection() => JsonSerializer.Deserialize<HandWritten.Chat>(_json, s_reflection)!;

    /// <summary>Runs one contender by name, for the quick mode.</summary>
    public Func<object> GetCall(string name) => name switch
    {
        nameof(StjSourceGenerated) => StjSourceGenerated,
        nameof(FloorStj) => FloorStj,
        nameof(FloorReader) => FloorReader,
        nameof(GeneratedReader) => GeneratedReader,
        nameof(GeneratedViaJsonSerializer) => GeneratedViaJsonSerializer,
        nameof(StjReflection) => StjReflection,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
