using System.IO.Compression;
using System.Net;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>
/// What <c>SocketsHttpHandler</c> does with <c>AutomaticDecompression = GZip</c> (its internal DecompressionHandler),
/// over the in-memory transport: it asks for gzip, and a gzip-encoded response gets a content that inflates on read,
/// with Content-Encoding and Content-Length dropped (the decoded length is not known).
/// </summary>
public sealed class DecompressingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            response.Content = new GzipContent(response.Content);
        }

        return response;
    }

    private sealed class GzipContent : HttpContent
    {
        private readonly HttpContent _encoded;

        public GzipContent(HttpContent encoded)
        {
            _encoded = encoded;
            foreach (KeyValuePair<string, IEnumerable<string>> header in encoded.Headers)
            {
                if (header.Key is not ("Content-Encoding" or "Content-Length"))
                {
                    Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using Stream decoded = await CreateContentReadStreamAsync().ConfigureAwait(false);
            await decoded.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new GZipStream(await _encoded.ReadAsStreamAsync().ConfigureAwait(false), CompressionMode.Decompress);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _encoded.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
