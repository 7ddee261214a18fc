using System;
using HelpCrunch.Emulator.Webhooks;

namespace HelpCrunch.Emulator;

/// <summary>What every route handler works with: the data, the clock and the webhook sender.</summary>
internal sealed class Emulation(EmulatorStore store, TimeProvider time, WebhookSender webhooks)
{
    public EmulatorStore Store { get; } = store;

    public WebhookSender Webhooks { get; } = webhooks;

    /// <summary>Now, from <see cref="EmulatorOptions.TimeProvider"/>, cut to milliseconds (the API's finest unit).</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
