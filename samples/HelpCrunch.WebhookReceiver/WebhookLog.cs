using HelpCrunch.WebhookReceiver.Api;
using HelpCrunchGen.Runtime.Webhooks;
using Microsoft.Extensions.Logging;

namespace HelpCrunch.WebhookReceiver;

/// <summary>What the receiver logs: the event typed, never the body, the signature or the key.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1, LogLevel.Information, "Webhook {Name} {Id} (delivery {Attempts}): {Description}")]
    public static partial void Received(ILogger logger, string name, string? id, int? attempts, string description);

    [LoggerMessage(2, LogLevel.Warning, "Refused a webhook: signature {Failure}")]
    public static partial void Refused(ILogger logger, WebhookSignatureFailure failure);

    [LoggerMessage(3, LogLevel.Warning, "Refused a signed webhook whose body is not a webhook (at {Path})")]
    public static partial void Unreadable(ILogger logger, string? path);

    /// <summary>One line per event, from its typed data.</summary>
    public static string Describe(HelpCrunchWebhookEvent webhook) => webhook switch
    {
        ChatNewEvent e => $"chat {e.Data.Id} created by customer {e.Data.Customer?.Id}",
        ChatStatusUpdatedEvent e => $"chat {e.Data.Id} is now {e.Data.Status}",
        ChatAssignedEvent e => $"chat {e.Data.Id} assigned",
        ChatSnoozedEvent e => $"chat {e.Data.Id} snoozed until {e.Data.SnoozedUntil:u}",
        ChatUnsnoozedEvent e => $"chat {e.Data.Id} unsnoozed",
        ChatClosedEvent e => $"chat {e.Data.Id} closed by {e.Data.ClosedBy} at {e.Data.ClosedAt:u}",
        ChatRatedEvent e => $"chat {e.Data.Id} rated {e.Data.Rating}",
        CustomerNewEvent e => $"customer {e.Data.Id} created",
        CustomerEmailUpdatedEvent e => $"customer {e.Data.Id} changed e-mail address",
        CustomerTagsChangedEvent e => $"customer {e.Data.Id} tags changed",
        CustomerUnsubscribedEvent e => $"customer {e.Data.Id} unsubscribed",
        CustomerSubscribedEvent e => $"customer {e.Data.Id} subscribed",
        CustomerBlockedEvent e => $"customer {e.Data.Id} blocked",
        CustomerUnblockedEvent e => $"customer {e.Data.Id} unblocked",
        CustomerDeletedEvent e => $"customer {e.Data.Id} deleted",
        UnknownWebhookEvent e => $"an event this spec does not list; its data ({e.EventData.ValueKind}) is kept raw",
        _ => "an event without a description here",
    };
}
