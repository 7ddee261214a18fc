using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Webhooks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>The message endpoints (docs §3 M1, M2).</summary>
internal static class MessageRoutes
{
    public static void Map(IEndpointRouteBuilder v1, Emulation emulation)
    {
        v1.MapGet("/chats/{chatId:int}/messages", Handle.With(emulation, ListAsync));
        v1.MapPost("/messages", Handle.With(emulation, CreateAsync));
    }

    /// <summary>M1: the chat's messages, newest first, paged, with a top-level <c>total</c>.</summary>
    private static Task ListAsync(HttpContext context, Emulation emulation)
    {
        int chatId = Handle.RouteId(context, "chatId", Errors.ChatMissing);
        var page = Page.FromQuery(context);
        if (emulation.Store.FindChat(chatId) is null)
        {
            throw new ApiErrorException(Errors.ChatMissing);
        }

        var messages = emulation.Store.GetMessages(chatId);
        return ListResponse.WriteAsync(context, messages, page, TotalAt.TopLevel, (writer, message) => MessageWire.Write(writer, message, emulation.Store));
    }

    /// <summary>
    /// M2: <c>{chat, text, type, agent?, markdownText?}</c>. With <c>agent</c> the agent writes, without it the
    /// customer; a <c>private</c> note needs an agent. A chat message updates the chat's <c>lastMessage*</c>
    /// fields, its readers and agents; an empty chat becomes <c>new</c> (customer) or <c>opened</c> (agent).
    /// </summary>
    private static async Task CreateAsync(HttpContext context, Emulation emulation)
    {
        var invalidChat = Errors.InvalidChatValue("Invalid chat ID", "chat", JsonBody.NotNumeric);
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        int chatId = JsonBody.Id(root, "chat", invalidChat);
        string text = JsonBody.String(root, "text", "text");
        string type = root.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String && typeElement.GetString() is "message" or "private"
            ? typeElement.GetString()!
            : throw new ApiErrorException(Errors.Validation("type", "This value should be message or private."));
        int? agentId = JsonBody.OptionalId(root, "agent", Errors.Validation("agent", JsonBody.NotNumeric));
        if (type == "private" && agentId is null)
        {
            throw new ApiErrorException(Errors.Validation("agent", "A private note is written by an agent."));
        }

        // The markdown is not echoed back: it ends up in "text".
        if (root.TryGetProperty("markdownText", out var markdown) && markdown.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(markdown.GetString()))
        {
            text = markdown.GetString()!;
        }

        var store = emulation.Store;
        if (store.FindChat(chatId) is null)
        {
            throw new ApiErrorException(Errors.ChatMissing);
        }

        if (agentId is { } a && store.FindAgent(a) is null)
        {
            throw new ApiErrorException(Errors.AgentEntityNotFound);
        }

        var now = emulation.Now;
        var posted = emulation.Change(
            () => store.PostMessage(
                chatId,
                id => new Message { Id = id, ChatId = chatId, Type = type, Text = text, AgentId = agentId, CreatedAt = now },
                (chat, message) => type == "private" ? chat with { UpdatedAt = now } : AfterMessage(chat, message))
                ?? throw new ApiErrorException(Errors.ChatMissing),
            change => WebhookEvents.ChatChanged(emulation, change.Before, change.After));
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => MessageWire.Write(writer, posted.Message, store));
    }

    private static Chat AfterMessage(Chat chat, Message message)
    {
        var updated = chat with
        {
            LastMessageAt = message.CreatedAt,
            LastMessageText = message.Text,
            LastMessageId = message.Id,
            UpdatedAt = message.CreatedAt,
        };

        if (message.AgentId is { } agentId)
        {
            return updated with
            {
                Status = chat.Status == ChatStatuses.Empty ? ChatStatuses.Opened : chat.Status,
                LastCommunicatedAgentId = agentId,
                AgentIds = chat.AgentIds.Contains(agentId) ? chat.AgentIds : chat.AgentIds.Append(agentId).ToArray(),
                ReadByAgent = true,
                ReadByCustomer = false,
            };
        }

        return updated with
        {
            Status = chat.Status == ChatStatuses.Empty ? ChatStatuses.New : chat.Status,
            LastCustomerMessageAt = message.CreatedAt,
            ReadByAgent = false,
            ReadByCustomer = true,
        };
    }
}
