using System.Net;
using System.Net.Http.Headers;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>
/// Stands in for the network: it reads the request body to its end (as a socket handler would, so that lazily
/// serialized content is really written) and answers 200 with the scenario's body: with Content-Length, chunked
/// (no Content-Length, 4 KB reads), or gzip-encoded. Everything completes synchronously, so a call never leaves the
/// calling thread. For gzip, wrap it in <see cref="DecompressingHandler"/>.
/// </summary>
public sealed class InMemoryHandler(byte[] responseBody, Scenario scenario) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private readonly DrainStream _drain = new();

    /// <summary>When set, the next request is recorded (for the equivalence checks, never while measuring).</summary>
    public bool Record { get; set; }

    /// <summary>The last recorded request: method, URI, headers and body.</summary>
    public string? Recorded { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Record)
        {
            var copy = new MemoryStream();
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            }

            Recorded = Describe(request, request.Content is null ? null : copy.ToArray());
        }
        else if (request.Content is { } content)
        {
            await content.CopyToAsync(_drain, cancellationToken).ConfigureAwait(false);
        }

        return CreateResponse(request);
    }

    private static string Describe(HttpRequestMessage request, byte[]? body)
    {
        string authorization = request.Headers.TryGetValues("Authorization", out var a) ? string.Join(",", a) : "-";
        string accept = request.Headers.TryGetValues("Accept", out var h) ? string.Join(",", h.Distinct()) : "-";
        string contentType = request.Content?.Headers.ContentType?.MediaType ?? "-";
        string normalized = "-";
        if (body is { Length: > 0 })
        {
            // Property order is not significant in JSON (Kiota writes them sorted): compare the body normalized.
            var json = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(body)!;
            normalized = string.Join(",", json.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value?.ToJsonString() ?? "null"}"));
        }

        return $"{request.Method} {request.RequestUri} | Authorization: {authorization} | Accept: {accept} | Content-Type: {contentType} | {normalized}";
    }

    private HttpResponseMessage CreateResponse(HttpRequestMessage request)
    {
        HttpContent body = scenario == Scenario.ListChunked ? new ChunkedContent(responseBody) : new ByteArrayContent(responseBody);
        body.Headers.ContentType = s_json;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
        if (scenario == Scenario.ListChunked)
        {
            response.Headers.TransferEncodingChunked = true;
        }
        else if (scenario == Scenario.ListGzip)
        {
            body.Headers.ContentEncoding.Add("gzip");
        }

        return response;
    }

    /// <summary>A body whose length is not known up front, read in pieces of at most 4 KB.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body, 0, body.Length);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ChunkStream(body));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A forward-only read stream that hands out at most 4 KB per read, like a socket with chunked framing.</summary>
    private sealed class ChunkStream(byte[] body) : Stream
    {
        private const int Chunk = 4096;
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, Chunk), body.Length - _position);
            body.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A write-only stream that discards.</summary>
    private sealed class DrainStream : Stream
    {
        public long Written { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Written += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return default;
        }
    }
}
