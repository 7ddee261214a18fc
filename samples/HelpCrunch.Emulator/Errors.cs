using System.Threading.Tasks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator;

/// <summary>One documented error: HTTP status plus the <c>code</c>/<c>message</c> pair of the envelope.</summary>
internal sealed record ApiError(int StatusCode, string Code, string Message);

/// <summary>
/// The error envelope <c>{"errors":[{"code":…,"message":…}]}</c> (docs §1.1) and the errors the
/// emulator returns. It uses the docs' older single-element style with specific codes (§1.3).
/// </summary>
internal static class Errors
{
    public static readonly ApiError InvalidToken = new(StatusCodes.Status401Unauthorized, "invalid_token", "Invalid token");

    public static readonly ApiError TooManyRequests = new(StatusCodes.Status429TooManyRequests, "too_many_requests", "You have exceeded your requests limit");

    public static readonly ApiError ChatNotFound = new(StatusCodes.Status404NotFound, "chat_not_found", "Chat is missing");

    public static readonly ApiError InvalidChatId = new(StatusCodes.Status400BadRequest, "invalid_chat_value", "Invalid chat ID");

    public static readonly ApiError InvalidAssignee = new(StatusCodes.Status400BadRequest, "invalid_chat_value", "assignee value is invalid");

    /// <summary>No route matches the path (not a documented body; same envelope for consistency).</summary>
    public static readonly ApiError NotFound = new(StatusCodes.Status404NotFound, "not_found", "Not found");

    /// <summary>The path exists but not with this method (not a documented body; same envelope).</summary>
    public static readonly ApiError MethodNotAllowed = new(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "Method not allowed");

    /// <summary>Sends <paramref name="error"/> with its status code.</summary>
    public static Task WriteAsync(HttpContext context, ApiError error) =>
        JsonResponse.WriteAsync(context, error.StatusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
