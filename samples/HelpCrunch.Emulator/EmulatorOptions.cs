using System;

namespace HelpCrunch.Emulator;

/// <summary>Settings for <see cref="HelpCrunchEmulator.StartAsync"/>. Read once at start; later changes have no effect.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free port — read it from <see cref="HelpCrunchEmulator.BaseAddress"/>.</summary>
    public int Port { get; set; } = 0;

    /// <summary>The only API key accepted in <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string ApiKey { get; set; } = "hc-emulator-key";

    /// <summary>Requests allowed per API key within any one <see cref="RateLimitWindow"/> (the real API allows 120 per minute); more get 429.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>The length of the rate-limit window: one minute, as the real API; shorten it so a test of the limit takes seconds.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Clock for the rate-limit window; replace it in tests to move time by hand.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiKey, nameof(ApiKey));
        ArgumentOutOfRangeException.ThrowIfLessThan(RequestsPerMinute, 1, nameof(RequestsPerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RateLimitWindow, TimeSpan.Zero, nameof(RateLimitWindow));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
