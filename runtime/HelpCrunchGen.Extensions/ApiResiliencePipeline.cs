using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// The default pipeline, outermost first: timeout-to-cancellation, retry (honouring <c>Retry-After</c>, a total delay
/// budget, jitter), the optional rate limiter (each attempt takes a permit; waiting for one is not part of the attempt's
/// time), the per-attempt timeout.
/// </summary>
internal static class ApiResiliencePipeline
{
    private static readonly ResiliencePropertyKey<TimeSpan> s_delaySpent = new("HelpCrunchGen.RetryDelaySpent");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ApiResilienceOptions options, ApiRateLimiters limiters, ILogger? logger = null)
    {
        options.Validate();
        if (!options.Enabled)
        {
            return;
        }

        // The runtime documents OperationCanceledException for a timeout (as HttpClient.Timeout throws), not Polly's type.
        pipeline.AddFallback(new Polly.Fallback.FallbackStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is TimeoutRejectedException),
            FallbackAction = static args =>
            {
                var timeout = (TimeoutRejectedException)args.Outcome.Exception!;
                return Outcome.FromExceptionAsValueTask<HttpResponseMessage>(
                    new TaskCanceledException($"The request was canceled after its attempt timeout of {timeout.Timeout.TotalSeconds:0.###} s.", new TimeoutException(timeout.Message, timeout)));
            },
        });

        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, options)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(args.Outcome, args.Context, args.AttemptNumber, options)),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(s_delaySpent, Spent(args.Context) + args.RetryDelay);
                    if (logger is not null)
                    {
                        string operationId = args.Context.GetRequestMessage() is ApiRequestMessage { OperationId: { } id } ? id : "request";
                        ApiCallLog.Retrying(logger, operationId, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, ApiCallLog.Describe(args.Outcome.Result?.StatusCode, args.Outcome.Exception));
                    }

                    return default;
                },
            });
        }

        if (options.RateLimit is { } rateLimit)
        {
            pipeline.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => limiters.Get(Partition(args.Context), rateLimit).AcquireAsync(1, args.Context.CancellationToken),
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ApiResilienceOptions options)
    {
        if (!RetryRules.IsRetryable(context.GetRequestMessage()?.Method, outcome.Result, outcome.Exception))
        {
            return false;
        }

        // A wait the budget cannot pay is not started: the caller gets the 429 (and its RetryAfter) now, not later.
        TimeSpan remaining = options.MaxTotalRetryDelay - Spent(context);
        return RetryRules.GetRetryAfter(outcome.Result, options.TimeProvider) is not { } wait || wait <= remaining;
    }

    private static TimeSpan NextDelay(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attempt, ApiResilienceOptions options)
    {
        TimeSpan remaining = options.MaxTotalRetryDelay - Spent(context);
        if (remaining < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }

        if (RetryRules.GetRetryAfter(outcome.Result, options.TimeProvider) is { } wait)
        {
            // Up to 20% (at most 1 s) later, so that clients told the same instant do not all return at it.
            TimeSpan jitter = TimeSpan.FromTicks((long)(Math.Min(wait.Ticks * 0.2, TimeSpan.TicksPerSecond) * Random.Shared.NextDouble()));
            return Min(wait + jitter, remaining > wait ? remaining : wait);
        }

        // Exponential backoff with jitter: base × 2^attempt × [0.5, 1.5).
        double factor = Math.Pow(2, Math.Min(attempt, 16)) * (0.5 + Random.Shared.NextDouble());
        return Min(TimeSpan.FromTicks((long)Math.Min(options.BaseDelay.Ticks * factor, TimeSpan.MaxValue.Ticks / 2)), remaining);
    }

    private static TimeSpan Spent(ResilienceContext context) =>
        context.Properties.TryGetValue(s_delaySpent, out TimeSpan spent) ? spent : TimeSpan.Zero;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // One limiter per API key: the key is in the Authorization header the client set.
    private static string Partition(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Headers.TryGetValues("Authorization", out IEnumerable<string>? values)
            ? string.Join(",", values)
            : string.Empty;
}
