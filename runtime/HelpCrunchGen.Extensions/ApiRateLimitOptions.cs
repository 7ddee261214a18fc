using System;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// A client-side limit of requests per API key (HelpCrunch allows 120 per minute), so that a batch waits for a slot
/// instead of bouncing off 429s. Requests over the limit queue, oldest first, until a slot frees or they are canceled.
/// </summary>
/// <remarks>
/// The server counts requests in an exact sliding window, while a <see cref="System.Threading.RateLimiting.SlidingWindowRateLimiter"/>
/// frees a permit up to one segment early. So the limiter holds each permit at least one <see cref="Window"/> plus one
/// segment (10 s by default): requests whose trip to the server differs by less than that never exceed the limit there.
/// Every attempt, retries included, takes a permit.
/// </remarks>
public sealed class ApiRateLimitOptions
{
    /// <summary>Gets or sets the requests allowed per <see cref="Window"/>. Default 120.</summary>
    public int PermitLimit { get; set; } = 120;

    /// <summary>Gets or sets the server's window. Default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how many segments the window is cut into: more frees permits more smoothly. Default 6.</summary>
    public int SegmentsPerWindow { get; set; } = 6;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PermitLimit, 1, nameof(PermitLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentsPerWindow, 1, nameof(SegmentsPerWindow));
    }
}
