using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace HelpCrunch.Emulator.Middleware;

/// <summary>
/// "At most N requests within any one minute" per partition (API key), as an exact sliding log:
/// each partition keeps the times of its accepted requests in the last window. Memory is bounded by
/// N entries per key; time comes from a <see cref="TimeProvider"/> so tests can move it.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _logs = new(StringComparer.Ordinal);

    public SlidingWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _window = window;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Counts a request for <paramref name="partition"/> if a slot is free. Otherwise returns false and
    /// how long until the oldest request in the window leaves it (rejected requests are not counted).
    /// </summary>
    public bool TryAcquire(string partition, out TimeSpan retryAfter)
    {
        var log = _logs.GetOrAdd(partition, static _ => new Queue<DateTimeOffset>());
        lock (log)
        {
            var now = _timeProvider.GetUtcNow();
            // The window is (now - window, now]: a request exactly one window old no longer counts.
            var windowStart = now - _window;
            while (log.Count > 0 && log.Peek() <= windowStart)
            {
                log.Dequeue();
            }

            if (log.Count < _permitLimit)
            {
                log.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = log.Peek() + _window - now;
            return false;
        }
    }
}
