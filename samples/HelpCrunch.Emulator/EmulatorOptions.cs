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

    /// <summary>Clock for the rate-limit window and for the timestamps of what requests create; replace it in tests to move time by hand.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Which of the two documented error envelopes to send (docs §1.1); <see cref="EmulatorErrorStyle.Old"/> by default.</summary>
    public EmulatorErrorStyle ErrorStyle { get; set; } = EmulatorErrorStyle.Old;

    /// <summary>Where to POST webhooks when state changes; null (the default) sends none. Any http(s) address.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The "HTTP Webhook Signing Key" that signs each webhook body; null generates a random hex key (read it from <see cref="HelpCrunchEmulator.WebhookSigningKey"/>).</summary>
    public string? WebhookSigningKey { get; set; }

    /// <summary>Deliveries per webhook, the first included, before it is given up (5 by default).</summary>
    public int WebhookMaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry of a failed delivery; each later retry waits twice as long (1 s by default).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiKey, nameof(ApiKey));
        ArgumentOutOfRangeException.ThrowIfLessThan(RequestsPerMinute, 1, nameof(RequestsPerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RateLimitWindow, TimeSpan.Zero, nameof(RateLimitWindow));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (!Enum.IsDefined(ErrorStyle))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorStyle), ErrorStyle, "Unknown error style.");
        }

        if (WebhookUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException("The webhook URL must be an absolute http or https address.", nameof(WebhookUrl));
        }

        if (WebhookSigningKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(WebhookSigningKey, nameof(WebhookSigningKey));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(WebhookMaxAttempts, 1, nameof(WebhookMaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(WebhookRetryDelay, TimeSpan.Zero, nameof(WebhookRetryDelay));
    }
}
