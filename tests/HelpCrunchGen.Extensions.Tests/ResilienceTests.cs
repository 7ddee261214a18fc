using System.Globalization;
using System.Net;
using HelpCrunch.Api;
using HelpCrunchGen.Extensions.Tests.Support;
using HelpCrunchGen.Runtime;
using static HelpCrunchGen.Extensions.Tests.Support.ScriptedHandler;

namespace HelpCrunchGen.Extensions.Tests;

/// <summary>The default resilience handler of Add&lt;ClientName&gt;, against scripted responses.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task A_POST_answered_429_is_sent_exactly_once_more()
    {
        // After the 429 the retry gets a 500, which a POST must not retry (it may have been processed): two attempts.
        var handler = new ScriptedHandler(Status(429, "0"), Status(500), Status(201));
        await using var provider = Services.WithScript(handler);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().CreateChatAsync(Services.NewChat()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal([HttpMethod.Post, HttpMethod.Post], handler.Attempts.Select(a => a.Method));
    }

    [Fact]
    public async Task A_POST_answered_503_is_not_retried()
    {
        var handler = new ScriptedHandler(Status(503), Status(201));
        await using var provider = Services.WithScript(handler);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().CreateChatAsync(Services.NewChat()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(handler.Attempts);
    }

    [Fact]
    public async Task A_GET_is_retried_after_transient_failures_up_to_the_cap()
    {
        var handler = new ScriptedHandler(Status(503), Status(502), Status(408), Status(500), Status(504), Status(200));
        await using var provider = Services.WithScript(handler, options => options.MaxRetryAttempts = 3);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().GetOrganizationAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(4, handler.Attempts.Count);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited()
    {
        var handler = new ScriptedHandler(Status(429, "1"), Status(503));
        await using var provider = Services.WithScript(handler, options => options.MaxRetryAttempts = 1);

        await Assert.ThrowsAsync<ApiException>(() => provider.Client().GetOrganizationAsync());

        var attempts = handler.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.InRange(attempts[1].At - attempts[0].At, TimeSpan.FromMilliseconds(990), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_retry_after_date_past_the_budget_fails_at_once_with_the_429()
    {
        string date = DateTimeOffset.UtcNow.AddMinutes(10).ToString("r", CultureInfo.InvariantCulture);
        var handler = new ScriptedHandler(Status(429, date), Status(200));
        await using var provider = Services.WithScript(handler, options => options.MaxTotalRetryDelay = TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().CreateChatAsync(Services.NewChat()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.NotNull(error.RetryAfter);
        Assert.Single(handler.Attempts);
    }

    [Fact]
    public async Task A_retry_after_date_in_the_past_is_retried_at_once()
    {
        string date = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("r", CultureInfo.InvariantCulture);
        var handler = new ScriptedHandler(Status(429, date), Status(500));
        await using var provider = Services.WithScript(handler, options => options.BaseDelay = TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<ApiException>(() => provider.Client().CreateChatAsync(Services.NewChat()));

        var attempts = handler.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.InRange(attempts[1].At - attempts[0].At, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Endless_429s_end_after_the_attempt_cap_with_an_ApiException()
    {
        var handler = new ScriptedHandler(Status(429, "0"));
        await using var provider = Services.WithScript(handler, options => options.MaxRetryAttempts = 2);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().CreateChatAsync(Services.NewChat()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(3, handler.Attempts.Count);
    }

    [Fact]
    public async Task An_attempt_timeout_is_an_OperationCanceledException_and_a_POST_is_not_retried()
    {
        var handler = new ScriptedHandler(Hang());
        await using var provider = Services.WithScript(handler, options => options.AttemptTimeout = TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.Client().CreateChatAsync(Services.NewChat()));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Single(handler.Attempts);
    }

    [Fact]
    public async Task The_plain_constructor_path_retries_the_same_way()
    {
        var handler = new ScriptedHandler(Status(429, "0"), Status(500), Status(201));
        using HttpClient http = ApiHttpClient.CreateResilient(options => options.BaseDelay = TimeSpan.FromMilliseconds(1), handler);
        var client = new HelpCrunchClient(http, new ApiClientOptions { ApiKey = Services.Key, BaseAddress = new Uri("https://api.example.test/v1") });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.CreateChatAsync(Services.NewChat()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(2, handler.Attempts.Count);
    }

    [Fact]
    public async Task Turned_off_the_handler_passes_a_429_through()
    {
        var handler = new ScriptedHandler(Status(429, "0"), Status(500));
        await using var provider = Services.WithScript(handler, options => options.Enabled = false);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.Client().GetOrganizationAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(handler.Attempts);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        var handler = new ScriptedHandler(Hang());
        await using var provider = Services.WithScript(handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.Client().GetOrganizationAsync(cancel.Token));

        Assert.Single(handler.Attempts);
    }
}
