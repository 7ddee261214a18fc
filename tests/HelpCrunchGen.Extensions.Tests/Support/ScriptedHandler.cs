using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace HelpCrunchGen.Extensions.Tests.Support;

/// <summary>A primary handler that answers from a script, one response per attempt, and records every attempt.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] script) : HttpMessageHandler
{
    private int _next;

    public ConcurrentQueue<(HttpMethod Method, Uri? Uri, DateTimeOffset At)> Attempts { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Attempts.Enqueue((request.Method, request.RequestUri, DateTimeOffset.UtcNow));
        int index = Interlocked.Increment(ref _next) - 1;
        return script[Math.Min(index, script.Length - 1)](request, cancellationToken);
    }

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Status(int status, string? retryAfter = null) => (_, _) =>
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent("{\"errors\":[{\"code\":\"status_" + status + "\",\"message\":\"scripted\"}]}", Encoding.UTF8, "application/json"),
        };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return Task.FromResult(response);
    };

    /// <summary>Never answers; ends only when the attempt is canceled (or, as a guard, after 30 s).</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() => async (_, cancellationToken) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        throw new InvalidOperationException("The attempt was not canceled within 30 s.");
    };
}
