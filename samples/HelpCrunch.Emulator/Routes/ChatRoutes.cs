using System.Linq;
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
/// The chat endpoints that read and create (docs §3 C1–C4); the updates are in <see cref="ChatUpdateRoutes"/>.
/// Handlers are plain <see cref="RequestDelegate"/>s: no parameter binding by reflection, so the emulator
/// stays trim- and AOT-friendly.
/// </summary>
internal static class ChatRoutes
{
    public static void Map(IEndpointRouteBuilder v1, Emulation emulation)
    {
        v1.MapGet("/chats", Handle.With(emulation, ListAsync));
        v1.MapPost("/chats", Handle.With(emulation, CreateAsync));
        v1.MapGet("/chats/{chatId:int}", Handle.With(emulation, GetAsync));
        v1.MapPost("/chats/search", Handle.With(emulation, SearchAsync));
    }

    /// <summary>C1 <c>GET /chats</c>: <c>{data, meta: {total}}</c>.</summary>
    private static Task ListAsync(HttpContext context, Emulation emulation)
    {
        var sort = Sort.FromQuery(context, ChatSearchFields.SortFields);
        var page = Page.FromQuery(context);
        var chats = sort.Apply(emulation.Store.GetChats(), ChatSearchFields.SortKey, c => c.Id).ToArray();
        return ListResponse.WriteAsync(context, chats, page, TotalAt.Meta, (writer, chat) => ChatWire.Write(writer, chat, emulation.Store));
    }

    /// <summary>C2 <c>GET /chats/{chatId}</c>: the bare chat.</summary>
    private static Task GetAsync(HttpContext context, Emulation emulation)
    {
        int id = Handle.RouteId(context, "chatId", Errors.ChatNotFound);
        var chat = emulation.Store.FindChat(id) ?? throw new ApiErrorException(Errors.ChatNotFound);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => ChatWire.Write(writer, chat, emulation.Store));
    }

    /// <summary>
    /// C4 <c>POST /chats</c>, body <c>{customer, application, assignee?, department?}</c> → 201 with an empty chat.
    /// <c>application</c> is required, as most page versions say.
    /// </summary>
    private static async Task CreateAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        int customerId = JsonBody.Id(root, "customer", Errors.Validation("customer", JsonBody.NotNumeric));
        int applicationId = JsonBody.Id(root, "application", Errors.Validation("application", JsonBody.NotNumeric));
        int? assigneeId = JsonBody.OptionalId(root, "assignee", Errors.Validation("assignee", JsonBody.NotNumeric));
        int? departmentId = JsonBody.OptionalId(root, "department", Errors.Validation("department", JsonBody.NotNumeric));

        var store = emulation.Store;
        Require(store.FindCustomer(customerId) is not null, "customer", "Customer not found.");
        Require(store.FindApplication(applicationId) is not null, "application", "Application not found.");
        Require(assigneeId is not { } a || store.FindAgent(a) is not null, "assignee", "Agent not found.");
        Require(departmentId is not { } d || store.FindDepartment(d) is not null, "department", "Department not found.");

        var now = emulation.Now;
        var chat = emulation.Change(() => store.CreateChat(id => new Chat
        {
            Id = id,
            Status = ChatStatuses.Empty,
            CreatedAt = now,
            UpdatedAt = now,
            CustomerId = customerId,
            CreatedWith = "public_api",
            ReadByAgent = true,
            ReadByCustomer = true,
            ApplicationId = applicationId,
            AssigneeId = assigneeId,
            DepartmentId = departmentId,
        }), created => WebhookEvents.ChatCreated(emulation, created));
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, writer => ChatWire.Write(writer, chat, store));
    }

    /// <summary>C3 <c>POST /chats/search</c>: <c>{data, total}</c> (the response is undocumented; one client reads a top-level total).</summary>
    private static async Task SearchAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        var query = SearchQuery<ChatRow>.Parse(root, ChatSearchFields.All);
        var sort = Sort.FromBody(root, ChatSearchFields.SortFields);
        var page = Page.FromBody(root);

        var store = emulation.Store;
        var rows = store.GetChats().Select(c => new ChatRow(c, store.FindCustomer(c.CustomerId))).Where(query.Matches);
        var chats = sort.Apply(rows.Select(r => r.Chat), ChatSearchFields.SortKey, c => c.Id).ToArray();
        await ListResponse.WriteAsync(context, chats, page, TotalAt.TopLevel, (writer, chat) => ChatWire.Write(writer, chat, store));
    }

    private static void Require(bool condition, string path, string message)
    {
        if (!condition)
        {
            throw new ApiErrorException(Errors.Validation(path, message));
        }
    }
}
