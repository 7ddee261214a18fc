using System;
using System.Collections.Generic;

namespace HelpCrunch.Emulator.Store;

/// <summary>A customer (contact), with every field of the customer model (docs §4.3).</summary>
public sealed record Customer
{
    /// <summary>HelpCrunch customer id.</summary>
    public required int Id { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The integrator's own external id (not the HelpCrunch id); often null.</summary>
    public string? UserId { get; init; }

    /// <summary>Company name.</summary>
    public string? Company { get; init; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>First time the customer was seen.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Last time the customer was seen.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>When the customer record was created (searchable as <c>customers.createdAt</c>; not on the wire).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Region, served inside <c>location</c>.</summary>
    public string? RegionCode { get; init; }

    /// <summary>Country code, served inside <c>location</c>.</summary>
    public string? CountryCode { get; init; }

    /// <summary>City, served inside <c>location</c>.</summary>
    public string? City { get; init; }

    /// <summary>The device last used; null when unknown.</summary>
    public CustomerDevice? Device { get; init; }

    /// <summary>Opted out of e-mails.</summary>
    public bool Unsubscribed { get; init; }

    /// <summary>Blocked by the team.</summary>
    public bool Blocked { get; init; }

    /// <summary>Where the customer came from.</summary>
    public string? Source { get; init; }

    /// <summary>Referring page (the API's spelling).</summary>
    public string? Referer { get; init; }

    /// <summary>Last page visited.</summary>
    public string? LastPage { get; init; }

    /// <summary>ISO 639-1 language; left off the wire when null (the model types it as a plain string).</summary>
    public string? Locale { get; init; }

    /// <summary>Channel the customer was created from, e.g. <c>telegram</c>; left off the wire when null.</summary>
    public string? CreatedFrom { get; init; }

    /// <summary>Id in the originating integration; left off the wire when null.</summary>
    public string? IntegrationId { get; init; }

    /// <summary>Notes for agents.</summary>
    public string? Notes { get; init; }

    /// <summary>Messenger ids, searchable (<c>customers.telegramId</c> …) but not part of the customer model.</summary>
    public MessengerIds Messengers { get; init; } = MessengerIds.None;

    /// <summary>Tags, in the order they were added.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = Array.Empty<Tag>();

    /// <summary>Custom attribute values as raw JSON texts, in the order they were set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CustomData { get; init; } = Array.Empty<KeyValuePair<string, string>>();
}

/// <summary>A tag on a customer.</summary>
/// <param name="Name">Tag name.</param>
/// <param name="Color">CSS colour.</param>
public sealed record Tag(string Name, string? Color);

/// <summary>The device a customer last used.</summary>
/// <param name="Id">Device record id.</param>
/// <param name="Ip">Last IP address.</param>
/// <param name="Timezone">Time-zone name.</param>
/// <param name="Platform">Platform kind, e.g. desktop.</param>
/// <param name="UserAgent">Browser user agent.</param>
public sealed record CustomerDevice(int Id, string Ip, string Timezone, string Platform, string UserAgent);

/// <summary>A customer's ids in messengers (customer search fields of the newer docs).</summary>
/// <param name="TelegramId">Telegram id.</param>
/// <param name="FacebookId">Facebook id.</param>
/// <param name="InstagramId">Instagram id.</param>
/// <param name="ViberId">Viber id.</param>
/// <param name="WhatsappId">WhatsApp id.</param>
public sealed record MessengerIds(string? TelegramId = null, string? FacebookId = null, string? InstagramId = null, string? ViberId = null, string? WhatsappId = null)
{
    /// <summary>No messenger ids.</summary>
    public static MessengerIds None { get; } = new();
}
