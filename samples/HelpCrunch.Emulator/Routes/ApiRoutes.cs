using HelpCrunch.Emulator.Middleware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>Maps the whole emulated API under <c>/v1</c>. Add one <c>XxxRoutes.Map</c> call per resource.</summary>
internal static class ApiRoutes
{
    /// <summary>The API root path, as in <c>https://api.helpcrunch.com/v1</c>.</summary>
    public const string Root = "/v1";

    public static void Map(IEndpointRouteBuilder app, Emulation emulation)
    {
        var v1 = app.MapGroup(Root);
        // Every endpoint of the group requires the API key and counts towards the rate limit.
        v1.WithMetadata(ApiEndpointMetadata.Instance);

        ChatRoutes.Map(v1, emulation);
        ChatUpdateRoutes.Map(v1, emulation);
        MessageRoutes.Map(v1, emulation);
        CustomerRoutes.Map(v1, emulation);
        CustomerTagRoutes.Map(v1, emulation);
        EventRoutes.Map(v1, emulation);
        TeamRoutes.Map(v1, emulation);
        AccountRoutes.Map(v1, emulation);
    }
}
