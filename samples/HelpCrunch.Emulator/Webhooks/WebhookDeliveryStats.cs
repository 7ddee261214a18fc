using System.Threading;

namespace HelpCrunch.Emulator.Webhooks;

/// <summary>Counts of the emulator's webhook deliveries, for tests and diagnostics.</summary>
public sealed class WebhookDeliveryStats
{
    private int _attempts;
    private int _delivered;
    private int _failed;

    /// <summary>POSTs made, retries included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Webhooks the receiver accepted (a 2xx answer).</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Webhooks given up after <see cref="EmulatorOptions.WebhookMaxAttempts"/> failed attempts.</summary>
    public int Failed => Volatile.Read(ref _failed);

    internal void CountAttempt() => Interlocked.Increment(ref _attempts);

    internal void CountDelivered() => Interlocked.Increment(ref _delivered);

    internal void CountFailed() => Interlocked.Increment(ref _failed);
}
