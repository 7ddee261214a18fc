using System;

namespace HelpCrunch.Emulator.Store;

/// <summary>A message or private note in a chat (docs §4.2).</summary>
public sealed record Message
{
    /// <summary>Message id.</summary>
    public required int Id { get; init; }

    /// <summary>Id of the chat.</summary>
    public required int ChatId { get; init; }

    /// <summary><c>message</c>, <c>private</c>, <c>tech</c>, <c>email</c> or <c>knowledgeBase</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Message text.</summary>
    public string? Text { get; init; }

    /// <summary>The sending agent; null for a customer message.</summary>
    public int? AgentId { get; init; }

    /// <summary>When it was posted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last edited.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Read by the other side.</summary>
    public bool Read { get; init; }

    /// <summary>The broadcast it came from, or null.</summary>
    public string? BroadcastType { get; init; }

    /// <summary><c>agent</c> or <c>customer</c>.</summary>
    public string From => AgentId is null ? "customer" : "agent";
}
