using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Middleware;

/// <summary>
/// Gives the framework's bodiless 404 (no route matched) and 405 (route matched, method did not)
/// the API's error envelope, so clients can parse every error the same way.
/// </summary>
internal static class ErrorEnvelopeMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);

        var response = context.Response;
        // Only fill responses nobody wrote: our own handlers always set a content type and a length.
        if (response.HasStarted || response.ContentLength is not null || response.ContentType is not null)
        {
            return;
        }

        if (response.StatusCode == StatusCodes.Status404NotFound)
        {
            await Errors.WriteAsync(context, Errors.NotFound);
        }
        else if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            await Errors.WriteAsync(context, Errors.MethodNotAllowed);
        }
    }
}
