namespace HelpCrunchGen.Benchmarks.RuntimePieces;

/// <summary>How a request body is made: the runtime's per-thread scratch, the pooled content it replaced, or a plain alternative.</summary>
public enum BodyWay { Scratch, Pooled, MemoryStream, JsonContentCreate }

/// <summary>How the response body is read: the runtime's pooled buffer, or a plain alternative.</summary>
public enum ReadWay { Pooled, LoadIntoBuffer, ReadAsStream, ReadFromJson }

/// <summary>How the request URI is made: the runtime's cache of constant paths, or a plain alternative.</summary>
public enum UriWay { Cached, Concat, HttpClientBaseAddress }

/// <summary>
/// One copy of the send path in which at most one runtime piece is replaced by its plain alternative;
/// <see cref="All"/> has every piece as the runtime has it.
/// </summary>
public sealed record Variant(
    string Name,
    BodyWay Body = BodyWay.Scratch,
    ReadWay Read = ReadWay.Pooled,
    UriWay Uri = UriWay.Cached,
    bool RawHeaders = true)
{
    public static Variant All { get; } = new("pieces (as the runtime)");

    /// <summary>The runtime's path first, then each piece replaced by its plain alternative.</summary>
    public static IReadOnlyList<Variant> Each { get; } =
    [
        All,
        new("body: pooled (dropped)", Body: BodyWay.Pooled),
        new("body: MemoryStream+ByteArray", Body: BodyWay.MemoryStream),
        new("body: JsonContent.Create", Body: BodyWay.JsonContentCreate),
        new("read: LoadIntoBuffer", Read: ReadWay.LoadIntoBuffer),
        new("read: ReadAsStream", Read: ReadWay.ReadAsStream),
        new("read: ReadFromJsonAsync", Read: ReadWay.ReadFromJson),
        new("uri: new Uri(base+rel)", Uri: UriWay.Concat),
        new("uri: BaseAddress+rel", Uri: UriWay.HttpClientBaseAddress),
        new("headers: typed", RawHeaders: false),
    ];

    public override string ToString() => Name;
}
