using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using HelpCrunch.Api;
using HelpCrunchGen.Extensions.Tests.Support;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static HelpCrunchGen.Extensions.Tests.Support.ScriptedHandler;

namespace HelpCrunchGen.Extensions.Tests;

/// <summary>Spans from a real <see cref="ActivityListener"/> and logs from a real logger, searched for the key.</summary>
public sealed class ObservabilityTests
{
    private const string SourceName = "HelpCrunch.Api.HelpCrunchClient";

    [Fact]
    public async Task A_call_is_one_span_named_after_its_operation_with_the_http_client_attributes()
    {
        string host = "spans-ok.example.test";
        using var spans = new SpanCollector();
        await using ServiceProvider provider = Provider(host, new LogCollector(), new ScriptedHandler(Text(200, "Ok")));

        await provider.Client().DeleteCustomerAsync(42);

        Activity span = Assert.Single(spans.From(host));
        Assert.Equal("deleteCustomer", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("DELETE", span.GetTagItem("http.request.method"));
        Assert.Equal(host, span.GetTagItem("server.address"));
        Assert.Equal(443, span.GetTagItem("server.port"));
        Assert.Equal($"https://{host}/v1/customers/42", span.GetTagItem("url.full"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_429_storm_is_one_failed_span_with_the_error_code_and_warnings_for_each_429_and_retry()
    {
        string host = "spans-429.example.test";
        using var spans = new SpanCollector();
        var logs = new LogCollector();
        await using ServiceProvider provider = Provider(host, logs, new ScriptedHandler(Status(429, "0")));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().CreateChatAsync(Services.NewChat()));

        Activity span = Assert.Single(spans.From(host));
        Assert.Equal("createChat", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(429, span.GetTagItem("http.response.status_code"));
        Assert.Equal("429", span.GetTagItem("error.type"));
        Assert.Equal("status_429", span.GetTagItem("api.error.code"));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);

        // Three attempts (two retries): each logged at Debug, each 429 and each retry at Warning.
        Assert.Equal(3, logs.Count(LogLevel.Debug, "Calling createChat: POST /v1/chats"));
        Assert.Equal(3, logs.Count(LogLevel.Warning, "createChat was refused with 429 Too Many Requests"));
        Assert.Equal(2, logs.Count(LogLevel.Warning, "Retrying createChat"));
    }

    [Fact]
    public async Task The_api_key_reaches_no_span_log_or_exception()
    {
        string host = "spans-secret.example.test";
        using var spans = new SpanCollector(everySource: true);
        var logs = new LogCollector();
        // The server echoes the key back in its error entries and in a header, as some servers do.
        await using ServiceProvider provider = Provider(host, logs, new ScriptedHandler((request, _) =>
        {
            string echoed = request.Headers.Authorization?.ToString() ?? string.Empty;
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                Content = new StringContent($"{{\"errors\":[{{\"code\":\"invalid_token\",\"message\":\"{echoed} is not valid\"}}]}}", Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("X-Echo", echoed);
            return Task.FromResult(response);
        }));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().GetChatAsync(7));

        Assert.NotEmpty(spans.From(host));
        Assert.NotEmpty(logs.Lines);
        Assert.All(spans.Everything(), text => Assert.DoesNotContain(Services.Key, text));
        Assert.All(logs.Lines, line => Assert.DoesNotContain(Services.Key, line));
        Assert.DoesNotContain(Services.Key, error.ToString());
        Assert.DoesNotContain(Services.Key, string.Join(" ", error.Errors.Select(e => e.Message)));
    }

    private static ServiceProvider Provider(string host, LogCollector logs, HttpMessageHandler primary)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddHelpCrunchClient(options =>
            {
                options.ApiKey = Services.Key;
                options.BaseAddress = new Uri($"https://{host}/v1");
            })
            .ConfigureApiResilience(options =>
            {
                options.BaseDelay = TimeSpan.FromMilliseconds(1);
                options.MaxRetryAttempts = 2;
            })
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        return services.BuildServiceProvider();
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Text(int status, string body) => (_, _) =>
        Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "text/plain") });

    /// <summary>Every stopped span of our source (or of every source), with all it carries as text.</summary>
    private sealed class SpanCollector : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public SpanCollector(bool everySource = false)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => everySource || source.Name == SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>Our spans for calls to <paramref name="host"/> (tests run in parallel; each uses its own host).</summary>
        public IEnumerable<Activity> From(string host) =>
            _stopped.Where(a => a.Source.Name == SourceName && Equals(a.GetTagItem("server.address"), host));

        public IEnumerable<string> Everything() => _stopped.SelectMany(a =>
            new[] { a.Source.Name, a.OperationName, a.DisplayName, a.StatusDescription ?? string.Empty }
                .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(a.Baggage.Select(b => $"{b.Key}={b.Value}"))
                .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))));

        public void Dispose() => _listener.Dispose();
    }

    private sealed class LogCollector : ILoggerProvider
    {
        private readonly CollectingLoggerProvider _inner = new();

        public IReadOnlyCollection<string> Lines => _inner.Lines;

        public int Count(LogLevel level, string text) => _inner.Lines.Count(l => l.StartsWith(level + " ", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));

        public ILogger CreateLogger(string categoryName) => _inner.CreateLogger(categoryName);

        public void Dispose() => _inner.Dispose();
    }
}
