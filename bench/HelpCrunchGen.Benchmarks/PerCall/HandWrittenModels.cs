using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpCrunchGen.Benchmarks.HandWritten;

// The records a developer writes by hand for the seed call, equivalent to the generated ones
// (same properties; timestamps and enums kept as the wire sends them, as hand-written code usually does).

public sealed record UpdateChatAssigneeRequest
{
    public required long Id { get; init; }

    public required long? Assignee { get; init; }
}

public sealed record Chat
{
    public required long Id { get; init; }

    public string? ClosedBy { get; init; }

    public long? LastCustomerMessageAt { get; init; }

    public required string Status { get; init; }

    public long? ClosedAt { get; init; }

    public string? Rating { get; init; }

    public required long CreatedAt { get; init; }

    public long? LastMessageAt { get; init; }

    public string? CreatedWith { get; init; }

    public bool? ReadByAgent { get; init; }

    public bool? ReadByCustomer { get; init; }

    public long? SnoozedUntil { get; init; }

    public string? LastMessageText { get; init; }

    public long? LastMessageId { get; init; }

    public long? ApplicationId { get; init; }

    public long? LastCommunicatedAgentId { get; init; }

    public IReadOnlyList<Agent>? Agents { get; init; }

    public required ChatCustomer Customer { get; init; }

    public Agent? Assignee { get; init; }

    public Department? Department { get; init; }
}

public sealed record ChatCustomer
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? UserId { get; init; }
}

public sealed record Agent
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Role { get; init; }
}

public sealed record Department
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<Agent>? Agents { get; init; }
}

public sealed record ListChatsResponse
{
    public required IReadOnlyList<Chat> Data { get; init; }

    public PageMeta? Meta { get; init; }
}

public sealed record PageMeta
{
    public required long Total { get; init; }
}

/// <summary>System.Text.Json's source-generated metadata for the hand-written records.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UpdateChatAssigneeRequest))]
[JsonSerializable(typeof(Chat))]
[JsonSerializable(typeof(ListChatsResponse))]
public sealed partial class HandJsonContext : JsonSerializerContext;
