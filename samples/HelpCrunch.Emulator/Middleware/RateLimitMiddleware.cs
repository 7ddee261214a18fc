using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HelpCrunch.Emulator.Middleware;

/// <summary>
/// Enforces the documented "120 requests per minute" limit (the window length is <see cref="EmulatorOptions.RateLimitWindow"/>) per API key on authenticated API requests
/// (it runs after <see cref="ApiKeyMiddleware"/>, so requests with a bad key are not counted). Over the
/// limit: 429 <c>too_many_requests</c> plus <c>Retry-After</c> in whole seconds (at least 1). The
/// header is not documented by HelpCrunch, but well-behaved clients honour it.
/// </summary>
internal sealed class RateLimitMiddleware
{
    private readonly SlidingWindowRateLimiter _limiter;

    public RateLimitMiddleware(SlidingWindowRateLimiter limiter)
    {
        _limiter = limiter;
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Items[ApiKeyMiddleware.ApiKeyItem] is not string apiKey)
        {
            return next(context);
        }

        if (_limiter.TryAcquire(apiKey, out var retryAfter))
        {
            return next(context);
        }

        // Round up: retrying after a rounded-down delay would only earn another 429.
        long seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return Errors.WriteAsync(context, Errors.TooManyRequests);
    }
}
