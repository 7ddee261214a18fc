using System.Threading.Tasks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>Agents and departments (docs §3 A1, A2, P1).</summary>
internal static class TeamRoutes
{
    public static void Map(IEndpointRouteBuilder v1, Emulation emulation)
    {
        v1.MapGet("/agents", Handle.With(emulation, (context, e) =>
            ListResponse.WriteAsync(context, e.Store.GetAgents(), Page.FromQuery(context), TotalAt.Meta, AgentWire.Write)));
        v1.MapGet("/agents/{agentId:int}/unsubscribe", Handle.With(emulation, UnsubscribeAsync));
        v1.MapGet("/departments", Handle.With(emulation, (context, e) =>
            ListResponse.WriteAsync(context, e.Store.GetDepartments(), Page.FromQuery(context), TotalAt.Meta, (writer, department) => DepartmentWire.Write(writer, department, e.Store))));
    }

    /// <summary>A2: a GET with a side effect; answers the text <c>Ok</c>.</summary>
    private static Task UnsubscribeAsync(HttpContext context, Emulation emulation)
    {
        int id = Handle.RouteId(context, "agentId", Errors.AgentNotFound);
        return emulation.Store.UnsubscribeAgent(id) ? Handle.OkTextAsync(context) : throw new ApiErrorException(Errors.AgentNotFound);
    }
}
