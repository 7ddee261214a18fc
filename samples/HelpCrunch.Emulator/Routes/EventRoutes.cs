using System.Text.Json;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>Add an activity event to a customer (docs §3 U11).</summary>
internal static class EventRoutes
{
    public static void Map(IEndpointRouteBuilder v1, Emulation emulation) => v1.MapPost("/events", Handle.With(emulation, AddAsync));

    /// <summary><c>{name, data?, customer}</c> → 200 <c>{id, name, data, createdAt, customer}</c>; an unknown customer is 404.</summary>
    private static async Task AddAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        string name = JsonBody.String(root, "name", "name");
        string data = "{}";
        if (root.TryGetProperty("data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null)
        {
            data = dataElement.ValueKind == JsonValueKind.Object
                ? dataElement.GetRawText()
                : throw new ApiErrorException(Errors.Validation("data", "This value should be an object."));
        }

        int customerId = JsonBody.Id(root, "customer", Errors.Validation("customer", JsonBody.NotNumeric));
        var now = emulation.Now;
        var added = emulation.Store.AddEvent(customerId, id => new CustomerEvent(id, customerId, name, data, now))
            ?? throw new ApiErrorException(Errors.CustomerNotFound);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => EventWire.Write(writer, added));
    }
}
