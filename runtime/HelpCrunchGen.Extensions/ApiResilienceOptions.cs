using System;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// Settings of the default resilience handler: retries that honour <c>Retry-After</c>, a per-attempt timeout and an
/// optional client-side rate limiter. Read once, when the handler is built.
/// </summary>
public sealed class ApiResilienceOptions
{
    /// <summary>
    /// Gets or sets whether the handler does anything. <see langword="false"/> passes requests through untouched: set it
    /// when another resilience handler replaces this one (<c>.ConfigureApiResilience(o => o.Enabled = false).AddStandardResilienceHandler()</c>).
    /// Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many times a call is retried after its first attempt. Default 4; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>
    /// Gets or sets the most a call waits between attempts in total. A retry whose <c>Retry-After</c> would go past it
    /// is not made: the call fails at once with the <see cref="Runtime.ApiException"/> (429, with its <c>RetryAfter</c>).
    /// Default 60 seconds, HelpCrunch's rate window.
    /// </summary>
    public TimeSpan MaxTotalRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the first backoff delay when the response says nothing (doubled per attempt, with jitter). Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the timeout of each attempt; an attempt that times out is retried only for idempotent methods. Default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the client-side rate limiter, or <see langword="null"/> (the default) for none. One limiter is shared
    /// by every client of one service provider (or, for <see cref="ApiHttpClient.CreateResilient"/>, of the process) that
    /// sends the same API key.
    /// </summary>
    public ApiRateLimitOptions? RateLimit { get; set; }

    /// <summary>Gets or sets the clock that <c>Retry-After</c> dates are compared with. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts, nameof(MaxRetryAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTotalRetryDelay, TimeSpan.Zero, nameof(MaxTotalRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        RateLimit?.Validate();
    }
}
