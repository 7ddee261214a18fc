using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Routes.Search;

/// <summary>A chat with its customer, resolved once per search.</summary>
internal sealed record ChatRow(Chat Chat, Customer? Customer);

/// <summary>The chat search fields (docs §5.1) and sort fields (§5.4).</summary>
internal static class ChatSearchFields
{
    public static readonly IReadOnlyDictionary<string, SearchField<ChatRow>> All = new[]
    {
        SearchField<ChatRow>.Integer("chats.assignee", r => r.Chat.AssigneeId),
        new SearchField<ChatRow>("chats.agents", FieldKind.Integer) { Numbers = r => r.Chat.AgentIds.Select(id => (double)id) },
        SearchField<ChatRow>.Date("chats.createdAt", r => r.Chat.CreatedAt),
        SearchField<ChatRow>.Date("chats.updatedAt", r => r.Chat.UpdatedAt ?? r.Chat.CreatedAt),
        SearchField<ChatRow>.Integer("chats.department", r => r.Chat.DepartmentId),
        SearchField<ChatRow>.String("chats.status", r => r.Chat.Status) with { Normalize = s => ChatStatusNames.Canonical(s) ?? s },
        SearchField<ChatRow>.Date("chats.closedAt", r => r.Chat.ClosedAt),
        SearchField<ChatRow>.String("chats.rating", r => r.Chat.Rating),
        SearchField<ChatRow>.Integer("chats.customer", r => r.Chat.CustomerId),
        SearchField<ChatRow>.String("chats.customer.email", r => r.Customer?.Email),
        new SearchField<ChatRow>("chats.customer.tagsData", FieldKind.Tags) { Tags = r => r.Customer?.Tags ?? Array.Empty<Tag>() },
        SearchField<ChatRow>.String("chats.customer.userId", r => r.Customer?.UserId),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The sort values; the bare <c>lastCustomerMessageAt</c> is an older example's spelling.</summary>
    public static readonly IReadOnlyCollection<string> SortFields = new[]
    {
        "chats.createdAt", "chats.lastCustomerMessageAt", "chats.lastMessageAt", "chats.closedAt", "lastCustomerMessageAt",
    };

    public static DateTimeOffset? SortKey(Chat chat, string field) => field switch
    {
        "chats.createdAt" => chat.CreatedAt,
        "chats.lastMessageAt" => chat.LastMessageAt,
        "chats.closedAt" => chat.ClosedAt,
        _ => chat.LastCustomerMessageAt,
    };
}

/// <summary>The status spellings the docs use (§7 items 8–12), mapped to the one the emulator serves.</summary>
internal static class ChatStatusNames
{
    /// <summary>The served spelling of <paramref name="status"/>, or null when it is no status at all.</summary>
    public static string? Canonical(string status) => status switch
    {
        "open" => ChatStatuses.Opened,
        "on-hold" or "onhold" => ChatStatuses.OnHold,
        _ when ChatStatuses.All.Contains(status) => status,
        _ => null,
    };
}
