using System.Collections.Concurrent;

namespace HelpCrunchGen.Runtime.Tests.Infrastructure;

/// <summary>An in-memory handler that records each request (its body read while still alive) and answers with a callback.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    public FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public FakeHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public bool IsDisposed { get; private set; }

    public CapturedRequest SingleRequest => Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is not null)
        {
            // CopyToAsync is what real handlers use to send a body.
            using var stream = new MemoryStream();
            await request.Content.CopyToAsync(stream, cancellationToken);
            body = stream.ToArray();
        }

        Requests.Enqueue(new CapturedRequest(request, body));
        HttpResponseMessage response = await _respond(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>What a request looked like when it was sent.</summary>
internal sealed class CapturedRequest
{
    public CapturedRequest(HttpRequestMessage request, byte[]? body)
    {
        Method = request.Method;
        Uri = request.RequestUri!;
        Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        ContentType = request.Content?.Headers.ContentType?.ToString();
        ContentLength = request.Content?.Headers.ContentLength;
        Body = body;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public Dictionary<string, string[]> Headers { get; }

    public string? ContentType { get; }

    public long? ContentLength { get; }

    public byte[]? Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body ?? throw new InvalidOperationException("The request had no body."));
}
