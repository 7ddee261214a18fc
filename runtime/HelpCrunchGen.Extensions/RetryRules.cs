using System;
using System.Net;
using System.Net.Http;
using Polly.Timeout;

namespace HelpCrunchGen.Extensions;

/// <summary>Which outcomes are retried, and how long the server asked to wait.</summary>
internal static class RetryRules
{
    /// <summary>
    /// 429 means "not processed", so any method is retried. Other transient failures (5xx, 408, a failed connection,
    /// an attempt timeout) may have been processed: only idempotent methods are retried, never POST or PATCH.
    /// </summary>
    public static bool IsRetryable(HttpMethod? method, HttpResponseMessage? response, Exception? exception)
    {
        if (response is not null)
        {
            int status = (int)response.StatusCode;
            if (status == 429)
            {
                return true;
            }

            bool transient = status is 408 or 500 or 502 or 503 or 504;
            return transient && IsIdempotent(method);
        }

        return exception is HttpRequestException or TimeoutRejectedException && IsIdempotent(method);
    }

    public static bool IsIdempotent(HttpMethod? method) =>
        method is not null && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options || method == HttpMethod.Trace);

    /// <summary>The <c>Retry-After</c> of <paramref name="response"/> as a delay from now: seconds, or an HTTP date (a past date is zero).</summary>
    public static TimeSpan? GetRetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static bool Is429(HttpResponseMessage? response) => response is not null && response.StatusCode == HttpStatusCode.TooManyRequests;
}
