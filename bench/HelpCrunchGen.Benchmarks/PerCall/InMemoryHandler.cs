using System.Net;
using System.Net.Http.Headers;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>
/// Stands in for the network: it reads the request body to its end (as a socket handler would, so that lazily
/// serialized content is really written) and answers 200 with the documented body, with Content-Type and Content-Length.
/// Everything completes synchronously, so a call never leaves the calling thread.
/// </summary>
public sealed class InMemoryHandler(byte[] responseBody) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private readonly DrainStream _drain = new();

    /// <summary>When set, the next request is recorded (for the set-up checks, never while measuring).</summary>
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

            Recorded = Describe(request, copy.ToArray());
        }
        else if (request.Content is { } content)
        {
            await content.CopyToAsync(_drain, cancellationToken).ConfigureAwait(false);
        }

        return CreateResponse(request);
    }

    private static string Describe(HttpRequestMessage request, byte[] body)
    {
        string authorization = request.Headers.TryGetValues("Authorization", out var a) ? string.Join(",", a) : "-";
        string accept = request.Headers.TryGetValues("Accept", out var h) ? string.Join(",", h.Distinct()) : "-";
        string contentType = request.Content?.Headers.ContentType?.MediaType ?? "-";
        // Property order is not significant in JSON (Kiota writes them sorted): compare the body normalized.
        var json = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(body)!;
        string normalized = string.Join(",", json.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value?.ToJsonString() ?? "null"}"));
        return $"{request.Method} {request.RequestUri} | Authorization: {authorization} | Accept: {accept} | Content-Type: {contentType} | {normalized}";
    }

    private HttpResponseMessage CreateResponse(HttpRequestMessage request)
    {
        var body = new ByteArrayContent(responseBody);
        body.Headers.ContentType = s_json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
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
