using System.Net;
using System.Text;

namespace HelpCrunch.Cli.Tests.Infrastructure;

/// <summary>A request as the stub saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization);

/// <summary>
/// The HelpCrunch API in a test: records every request the CLI sends and answers each with the
/// response queued for it (in order), or 404 <c>not_found</c> when nothing is queued.
/// </summary>
internal sealed class StubApi : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Runs before each answer (after the request was recorded), e.g. to press Ctrl+C mid-stream.</summary>
    public Action<int>? BeforeAnswer { get; set; }

    public StubApi Answer(string json, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        _responses.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) });
        return this;
    }

    /// <summary>The next request fails as a dead network does.</summary>
    public StubApi Fail(Exception exception)
    {
        _responses.Enqueue(() => throw exception);
        return this;
    }

    public StubApi AnswerExample(string name, HttpStatusCode status = HttpStatusCode.OK) => Answer(Examples.Read(name), status);

    public RecordedRequest Single() => Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!.PathAndQuery, body, request.Headers.Authorization?.ToString()));
        BeforeAnswer?.Invoke(Requests.Count);
        cancellationToken.ThrowIfCancellationRequested();
        return _responses.TryDequeue(out var response)
            ? response()
            : new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"errors":[{"code":"not_found","message":"nothing queued"}]}""", Encoding.UTF8, "application/json"),
            };
    }
}
