using System.Text.Json.Serialization;

namespace HelpCrunchGen.Benchmarks.Floor;

// The floor's models: plain mutable classes, as a hand-writer tuning for speed writes them (no required/init, which
// sends STJ through its parameterized-constructor path). Timestamps and enums are kept as the wire sends them.

public sealed class Chat
{
    public long Id { get; set; }

    public string? ClosedBy { get; set; }

    public long? LastCustomerMessageAt { get; set; }

    public string? Status { get; set; }

    public long? ClosedAt { get; set; }

    public string? Rating { get; set; }

    public long CreatedAt { get; set; }

    public long? LastMessageAt { get; set; }

    public string? CreatedWith { get; set; }

    public bool? ReadByAgent { get; set; }

    public bool? ReadByCustomer { get; set; }

    public long? SnoozedUntil { get; set; }

    public string? LastMessageText { get; set; }

    public long? LastMessageId { get; set; }

    public long? ApplicationId { get; set; }

    public long? LastCommunicatedAgentId { get; set; }

    public List<Agent>? Agents { get; set; }

    public Customer? Customer { get; set; }

    public Agent? Assignee { get; set; }

    public Department? Department { get; set; }
}

public sealed class Customer
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? UserId { get; set; }
}

public sealed class Agent
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Role { get; set; }
}

public sealed class Department
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public List<Agent>? Agents { get; set; }
}

public sealed class ListChatsResponse
{
    public List<Chat>? Data { get; set; }

    public ListMeta? Meta { get; set; }
}

public sealed class ListMeta
{
    public long Total { get; set; }
}

/// <summary>
/// STJ source-generated metadata with default options (exact-case property names, numbers only as numbers): not
/// <c>JsonSerializerDefaults.Web</c>, whose case-insensitive matching and number-from-string handling cost time.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Chat))]
[JsonSerializable(typeof(ListChatsResponse))]
public sealed partial class FloorJsonContext : JsonSerializerContext;
