using System;
using HelpCrunch.Emulator.Webhooks;

namespace HelpCrunch.Emulator;

/// <summary>What every route handler works with: the data, the clock and the webhook sender.</summary>
internal sealed class Emulation(EmulatorStore store, TimeProvider time, WebhookSender webhooks)
{
    private readonly object _changes = new();

    public EmulatorStore Store { get; } = store;

    public WebhookSender Webhooks { get; } = webhooks;

    /// <summary>Now, from <see cref="EmulatorOptions.TimeProvider"/>, cut to milliseconds (the API's finest unit).</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// Runs a state change and queues its webhooks as one step, so that webhooks leave in the order the
    /// changes happened even when requests race. (The store's own lock is taken inside; never the reverse.)
    /// </summary>
    public T Change<T>(Func<T> change, Action<T> raiseWebhooks)
    {
        lock (_changes)
        {
            var result = change();
            raiseWebhooks(result);
            return result;
        }
    }
}
