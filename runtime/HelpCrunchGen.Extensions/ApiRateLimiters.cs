using System;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// The client-side limiters, one per API key and limit: every client that sends one key shares its limiter.
/// A singleton per service provider, plus <see cref="Shared"/> for clients made with <see cref="ApiHttpClient"/>.
/// </summary>
internal sealed class ApiRateLimiters : IDisposable
{
    public static ApiRateLimiters Shared { get; } = new();

    // Keyed by the Authorization header value: the key stays in memory only, as it does in the client itself.
    private readonly ConcurrentDictionary<(string Partition, int Limit, TimeSpan Window, int Segments), RateLimiter> _limiters = new();

    public RateLimiter Get(string partition, ApiRateLimitOptions options) =>
        _limiters.GetOrAdd((partition, options.PermitLimit, options.Window, options.SegmentsPerWindow), static key =>
        {
            TimeSpan segment = key.Window / key.Segments;
            return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = key.Limit,
                // Two segments more than the server's window, so a permit is held at least one window plus one
                // segment (see ApiRateLimitOptions).
                Window = key.Window + segment + segment,
                SegmentsPerWindow = key.Segments + 2,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });

    public void Dispose()
    {
        foreach (RateLimiter limiter in _limiters.Values)
        {
            limiter.Dispose();
        }

        _limiters.Clear();
    }
}
