using System;
using System.Text.Json;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Routes.Search;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Webhooks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>
/// The chat updates (docs §3 C5–C11): the chat id is in the body, the answer is the updated chat. Order of
/// checks: body shape (400) → chat exists (404) → referenced agent/department exists (400) → rules (400).
/// </summary>
internal static class ChatUpdateRoutes
{
    private static readonly string[] Ratings = { "perfect", "great", "average", "poor", "very poor" };

    public static void Map(IEndpointRouteBuilder v1, Emulation emulation)
    {
        v1.MapPut("/chats/status", Handle.With(emulation, UpdateStatusAsync));
        v1.MapPut("/chats/assignee", Handle.With(emulation, UpdateAssigneeAsync));
        v1.MapPut("/chats/department", Handle.With(emulation, UpdateDepartmentAsync));
        v1.MapPut("/chats/snooze", Handle.With(emulation, SnoozeAsync));
        v1.MapPut("/chats/rate", Handle.With(emulation, RateAsync));
        v1.MapPut("/chats/readByAgent", Handle.With(emulation, (c, e) => MarkReadAsync(c, e, byAgent: true, byCustomer: false)));
        v1.MapPut("/chats/readByCustomer", Handle.With(emulation, (c, e) => MarkReadAsync(c, e, byAgent: false, byCustomer: true)));
        // The older single endpoint: the caller is the team, so it marks the chat read by the agents.
        v1.MapPut("/chats/read", Handle.With(emulation, (c, e) => MarkReadAsync(c, e, byAgent: true, byCustomer: false)));
    }

    /// <summary>C5: <c>{"id", "status"}</c>; every documented spelling is accepted and served in one form; <c>empty</c> cannot be set.</summary>
    private static async Task UpdateStatusAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context, Errors.InvalidStatus);
        var root = body.RootElement;
        int id = JsonBody.Id(root, "id", Errors.InvalidChatId);
        string status = root.TryGetProperty("status", out var element) && element.ValueKind == JsonValueKind.String
            && ChatStatusNames.Canonical(element.GetString()!) is { } canonical && canonical != ChatStatuses.Empty
            ? canonical
            : throw new ApiErrorException(Errors.InvalidStatus);

        var now = emulation.Now;
        await ChangeAsync(context, emulation, id, Errors.ChatMissing, chat => chat.Status == status ? chat : chat with
        {
            Status = status,
            ClosedAt = status == ChatStatuses.Closed ? now : null,
            ClosedBy = status == ChatStatuses.Closed ? "agent" : null,
            UpdatedAt = now,
        });
    }

    /// <summary>C6: <c>{"id", "assignee": agentId | null}</c>; null unassigns (docs §7 item 27).</summary>
    private static async Task UpdateAssigneeAsync(HttpContext context, Emulation emulation)
    {
        // Unparseable bodies get the endpoint's documented 400 rather than a generic one.
        using var body = await JsonBody.ReadObjectAsync(context, Errors.InvalidAssignee);
        var root = body.RootElement;
        int id = JsonBody.Id(root, "id", Errors.InvalidChatId);
        int? assigneeId = JsonBody.NullableId(root, "assignee", Errors.InvalidAssignee);
        RequireChat(emulation, id, Errors.ChatMissing);
        if (assigneeId is { } agentId && emulation.Store.FindAgent(agentId) is null)
        {
            throw new ApiErrorException(Errors.InvalidAssignee);
        }

        var now = emulation.Now;
        await ChangeAsync(context, emulation, id, Errors.ChatMissing, chat => chat.AssigneeId == assigneeId ? chat : chat with { AssigneeId = assigneeId, UpdatedAt = now });
    }

    /// <summary>C7: <c>{"id", "department"}</c>.</summary>
    private static async Task UpdateDepartmentAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context, Errors.InvalidDepartment);
        var root = body.RootElement;
        int id = JsonBody.Id(root, "id", Errors.InvalidChatId);
        int departmentId = JsonBody.Id(root, "department", Errors.InvalidDepartment);
        RequireChat(emulation, id, Errors.ChatMissing);
        if (emulation.Store.FindDepartment(departmentId) is null)
        {
            throw new ApiErrorException(Errors.InvalidDepartment);
        }

        var now = emulation.Now;
        await ChangeAsync(context, emulation, id, Errors.ChatMissing, chat => chat.DepartmentId == departmentId ? chat : chat with { DepartmentId = departmentId, UpdatedAt = now });
    }

    /// <summary>C8: <c>{"id", "snoozedUntil": time | null}</c>; the time as a number, a numeric string or a fractional string; null unsnoozes.</summary>
    private static async Task SnoozeAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        int id = JsonBody.Id(root, "id", Errors.Validation("id", JsonBody.NotNumeric));
        if (!root.TryGetProperty("snoozedUntil", out var element))
        {
            throw new ApiErrorException(Errors.Validation("snoozedUntil", JsonBody.NotBlank));
        }

        if (!JsonBody.TryUnixTime(element, out var until))
        {
            throw new ApiErrorException(Errors.Validation("snoozedUntil", "This value should be a UNIX timestamp or null."));
        }

        var now = emulation.Now;
        await ChangeAsync(context, emulation, id, Errors.ChatMissing, chat => chat.SnoozedUntil == until ? chat : chat with { SnoozedUntil = until, UpdatedAt = now });
    }

    /// <summary>C9: <c>{"id", "rating"}</c>; only a closed, unrated chat with an agent message can be rated.</summary>
    private static async Task RateAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        int id = JsonBody.Id(root, "id", Errors.Validation("id", JsonBody.NotNumeric));
        string rating = root.TryGetProperty("rating", out var element) && element.ValueKind == JsonValueKind.String && Array.IndexOf(Ratings, element.GetString()) >= 0
            ? element.GetString()!
            : throw new ApiErrorException(Errors.Validation("rating", $"This value should be one of: {string.Join(", ", Ratings)}."));

        RequireChat(emulation, id, Errors.ChatMissing);
        bool hasAgentMessage = emulation.Store.HasAgentMessage(id);
        var now = emulation.Now;
        // The rules are checked again under the store's lock, so two concurrent ratings cannot both win.
        await ChangeAsync(context, emulation, id, Errors.ChatMissing, current =>
        {
            if (current.Status != ChatStatuses.Closed)
            {
                throw new ApiErrorException(Errors.RateNotClosed);
            }

            if (current.Rating is not null)
            {
                throw new ApiErrorException(Errors.RateAlreadyRated);
            }

            if (!hasAgentMessage)
            {
                throw new ApiErrorException(Errors.RateNoAgentMessage);
            }

            return current with { Rating = rating, UpdatedAt = now };
        });
    }

    /// <summary>C10/C11 (and the older C10 <c>/chats/read</c>): <c>{"id", "read"}</c>.</summary>
    private static async Task MarkReadAsync(HttpContext context, Emulation emulation, bool byAgent, bool byCustomer)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        int id = JsonBody.Id(root, "id", Errors.Validation("id", JsonBody.NotNumeric));
        bool read = JsonBody.Boolean(root, "read");
        await ChangeAsync(context, emulation, id, Errors.ReadChatNotFound(id), chat => chat with
        {
            ReadByAgent = byAgent ? read : chat.ReadByAgent,
            ReadByCustomer = byCustomer ? read : chat.ReadByCustomer,
        });
    }

    private static Chat RequireChat(Emulation emulation, int id, ApiError notFound) =>
        emulation.Store.FindChat(id) ?? throw new ApiErrorException(notFound);

    /// <summary>Applies <paramref name="update"/> atomically, raises the webhooks of the change and answers with the chat.</summary>
    private static Task ChangeAsync(HttpContext context, Emulation emulation, int id, ApiError notFound, Func<Chat, Chat> update)
    {
        var (_, after) = emulation.Change(
            () => emulation.Store.ChangeChat(id, update) ?? throw new ApiErrorException(notFound),
            change => WebhookEvents.ChatChanged(emulation, change.Before, change.After));
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => ChatWire.Write(writer, after, emulation.Store));
    }
}
