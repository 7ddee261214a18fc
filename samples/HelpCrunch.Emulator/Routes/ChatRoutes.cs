using System.Threading.Tasks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>
/// The chat endpoints (docs §3, C1–C11). Handlers are plain <see cref="RequestDelegate"/>s: no
/// parameter binding by reflection, so the emulator stays trim- and AOT-friendly.
/// </summary>
internal static class ChatRoutes
{
    /// <summary>Maps the chat endpoints onto the <c>/v1</c> group.</summary>
    public static void Map(IEndpointRouteBuilder v1, EmulatorStore store)
    {
        v1.MapPut("/chats/assignee", context => UpdateAssigneeAsync(context, store));
    }

    /// <summary>
    /// C6 <c>PUT /chats/assignee</c>, body <c>{"id": chatId, "assignee": agentId | null}</c>.
    /// Order of checks: body shape (400) → chat exists (404) → agent exists (400).
    /// </summary>
    private static async Task UpdateAssigneeAsync(HttpContext context, EmulatorStore store)
    {
        using var body = await RequestBody.ReadObjectAsync(context);
        if (body is null)
        {
            // Unparseable bodies get the endpoint's documented 400 rather than a generic one.
            await Errors.WriteAsync(context, Errors.InvalidAssignee);
            return;
        }

        var root = body.RootElement;
        if (RequestBody.TryGetId(root, "id", out int chatId) != FieldState.Valid)
        {
            await Errors.WriteAsync(context, Errors.InvalidChatId);
            return;
        }

        // "assignee" is required; an explicit null is the documented way to unassign (docs §3 C6, §7 item 27).
        if (RequestBody.TryGetNullableId(root, "assignee", out int? assigneeId) != FieldState.Valid)
        {
            await Errors.WriteAsync(context, Errors.InvalidAssignee);
            return;
        }

        if (store.FindChat(chatId) is null)
        {
            await Errors.WriteAsync(context, Errors.ChatNotFound);
            return;
        }

        if (assigneeId is { } agentId && store.FindAgent(agentId) is null)
        {
            await Errors.WriteAsync(context, Errors.InvalidAssignee);
            return;
        }

        var updated = store.UpdateChat(chatId, chat => chat with { AssigneeId = assigneeId });
        if (updated is null)
        {
            await Errors.WriteAsync(context, Errors.ChatNotFound);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => ChatWire.Write(writer, updated, store));
    }
}
