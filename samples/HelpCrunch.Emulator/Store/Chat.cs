using System;
using System.Collections.Generic;

namespace HelpCrunch.Emulator.Store;

/// <summary>
/// A chat as the emulator stores it. Related entities are kept by id and resolved when the chat is
/// written to the wire, so reassigning or renaming an agent never leaves stale copies behind.
/// </summary>
public sealed record Chat
{
    /// <summary>Chat id.</summary>
    public required int Id { get; init; }

    /// <summary>One of the <see cref="ChatStatuses"/> values.</summary>
    public required string Status { get; init; }

    /// <summary>When the chat was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Id of the chat's <see cref="Customer"/>.</summary>
    public required int CustomerId { get; init; }

    /// <summary><c>"customer"</c> or <c>"agent"</c> once closed; otherwise null.</summary>
    public string? ClosedBy { get; init; }

    /// <summary>When the chat was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Rating string (<c>perfect</c>, <c>great</c>, <c>average</c>, <c>poor</c>, <c>very poor</c>) or null.</summary>
    public string? Rating { get; init; }

    /// <summary>Time of the customer's last message.</summary>
    public DateTimeOffset? LastCustomerMessageAt { get; init; }

    /// <summary>Time of the last message by anyone.</summary>
    public DateTimeOffset? LastMessageAt { get; init; }

    /// <summary>How the chat was started: <c>public_api</c>, <c>broadcast_reply</c>, <c>agent_message</c>, <c>customer_message</c>.</summary>
    public string CreatedWith { get; init; } = "customer_message";

    /// <summary>Whether an agent has read the latest message.</summary>
    public bool ReadByAgent { get; init; }

    /// <summary>Whether the customer has read the latest message.</summary>
    public bool ReadByCustomer { get; init; }

    /// <summary>Snoozed until this time; null when not snoozed.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>Text of the last message.</summary>
    public string? LastMessageText { get; init; }

    /// <summary>Id of the last message.</summary>
    public int? LastMessageId { get; init; }

    /// <summary>Application (widget / app / integration) the chat belongs to.</summary>
    public int ApplicationId { get; init; }

    /// <summary>Agent who last wrote in the chat.</summary>
    public int? LastCommunicatedAgentId { get; init; }

    /// <summary>Ids of the agents who wrote in the chat.</summary>
    public IReadOnlyList<int> AgentIds { get; init; } = Array.Empty<int>();

    /// <summary>Id of the assigned <see cref="Agent"/>; null when unassigned.</summary>
    public int? AssigneeId { get; init; }

    /// <summary>Id of the chat's <see cref="Department"/>; null when none.</summary>
    public int? DepartmentId { get; init; }

    /// <summary>When the chat last changed (searchable as <c>chats.updatedAt</c>; not on the wire); null means <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>Chat status strings as the API returns them (docs §4.1, §7 items 8–12).</summary>
public static class ChatStatuses
{
    /// <summary>New chat.</summary>
    public const string New = "new";

    /// <summary>Opened by an agent.</summary>
    public const string Opened = "opened";

    /// <summary>Pending.</summary>
    public const string Pending = "pending";

    /// <summary>On hold — with a space, as <c>GET /chats</c> returns it (the model table says <c>onhold</c>).</summary>
    public const string OnHold = "on hold";

    /// <summary>No communication — also contains a space.</summary>
    public const string NoCommunication = "no communication";

    /// <summary>Closed.</summary>
    public const string Closed = "closed";

    /// <summary>Created through the API with no messages yet; not settable by clients.</summary>
    public const string Empty = "empty";

    /// <summary>Every status, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { New, Opened, Pending, OnHold, NoCommunication, Closed, Empty };
}
