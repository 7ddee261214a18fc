using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace HelpCrunchGen.Extensions.Tests;

public sealed class RetryRulesTests
{
    private static readonly FakeTimeProvider s_clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0", 0)]
    [InlineData("Sun, 29 Nov 2026 12:00:30 GMT", 30)]
    [InlineData("Sun, 29 Nov 2026 11:59:00 GMT", 0)]
    public void Retry_after_is_read_as_seconds_or_as_an_HTTP_date(string header, int seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryRules.GetRetryAfter(response, s_clock));
    }

    [Fact]
    public void No_or_a_malformed_header_is_no_delay()
    {
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var malformed = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        malformed.Headers.TryAddWithoutValidation("Retry-After", "soon");

        Assert.Null(RetryRules.GetRetryAfter(none, s_clock));
        Assert.Null(RetryRules.GetRetryAfter(malformed, s_clock));
    }

    [Theory]
    [InlineData("POST", 429, true)]
    [InlineData("PATCH", 429, true)]
    [InlineData("POST", 503, false)]
    [InlineData("PATCH", 500, false)]
    [InlineData("GET", 503, true)]
    [InlineData("PUT", 408, true)]
    [InlineData("DELETE", 502, true)]
    [InlineData("GET", 404, false)]
    [InlineData("GET", 400, false)]
    public void Which_responses_are_retried(string method, int status, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(retried, RetryRules.IsRetryable(new HttpMethod(method), response, null));
    }

    [Fact]
    public void A_failed_connection_is_retried_for_GET_only()
    {
        var failure = new HttpRequestException("connection refused");

        Assert.True(RetryRules.IsRetryable(HttpMethod.Get, null, failure));
        Assert.False(RetryRules.IsRetryable(HttpMethod.Post, null, failure));
        Assert.False(RetryRules.IsRetryable(HttpMethod.Get, null, new OperationCanceledException()));
    }
}
