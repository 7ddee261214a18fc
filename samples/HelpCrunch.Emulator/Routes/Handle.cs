using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Routes;

/// <summary>Turns a handler into a <see cref="RequestDelegate"/> that answers an <see cref="ApiErrorException"/> with its error envelope.</summary>
internal static class Handle
{
    public static RequestDelegate With(Emulation emulation, Func<HttpContext, Emulation, Task> handler) => async context =>
    {
        try
        {
            await handler(context, emulation);
        }
        catch (ApiErrorException e)
        {
            await Errors.WriteAsync(context, e.Error);
        }
    };

    /// <summary>Answers 200 with the text <c>Ok</c>, as delete-customer and unsubscribe-agent do (docs §7 item 19).</summary>
    public static Task OkTextAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = 2;
        return context.Response.Body.WriteAsync("Ok"u8.ToArray(), context.RequestAborted).AsTask();
    }

    /// <summary>The positive integer id in route value <paramref name="name"/>, or <paramref name="notFound"/>.</summary>
    public static int RouteId(HttpContext context, string name, ApiError notFound) =>
        context.Request.RouteValues[name] is string text && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id) && id > 0
            ? id
            : throw new ApiErrorException(notFound);
}
