using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>The organization (inside <c>data</c>, docs §3 O1) and the applications (a <c>data</c> array, as the spec assumes).</summary>
internal static class AccountRoutes
{
    public static void Map(IEndpointRouteBuilder v1, Emulation emulation)
    {
        v1.MapGet("/organization", Handle.With(emulation, (context, e) =>
        {
            var organization = e.Store.Organization;
            return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName("data");
                AccountWire.Write(writer, organization);
                writer.WriteEndObject();
            });
        }));

        v1.MapGet("/applications", Handle.With(emulation, (context, e) =>
        {
            var applications = e.Store.GetApplications();
            return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("data");
                foreach (var application in applications)
                {
                    AccountWire.Write(writer, application);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }));
    }
}
