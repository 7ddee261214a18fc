using System;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator;

/// <summary>One <c>{code, message}</c> entry of the error envelope.</summary>
internal readonly record struct ErrorEntry(string Code, string Message);

/// <summary>
/// One documented error: its HTTP status and its entry in each style. The old style sends <see cref="Old"/>
/// alone; the new style sends <c>invalid_request</c> followed by <see cref="New"/> (just <see cref="New"/>
/// when that already is an <c>invalid_request</c> entry, as the rate-chat errors are).
/// </summary>
internal sealed record ApiError(int StatusCode, ErrorEntry Old, ErrorEntry New)
{
    public static ApiError Same(int statusCode, string code, string message) => new(statusCode, new(code, message), new(code, message));
}

/// <summary>Thrown by request parsing and handlers to answer with <see cref="Error"/>; the route wrapper writes it.</summary>
internal sealed class ApiErrorException(ApiError error) : Exception(error.Old.Message)
{
    public ApiError Error { get; } = error;
}

/// <summary>
/// The error envelope <c>{"errors":[{"code":…,"message":…}]}</c> (docs §1.1) and the documented errors
/// (§1.3). Where the docs show a code only in one style, the other style uses the closest documented one.
/// </summary>
internal static class Errors
{
    /// <summary><see cref="HttpContext.Items"/> key holding the <see cref="EmulatorErrorStyle"/> of the app.</summary>
    public const string StyleItem = "HelpCrunch.Emulator.ErrorStyle";

    private static readonly ErrorEntry InvalidRequest = new("invalid_request", "Invalid request");

    // The newer pages paste this 404 everywhere, customers and agents included (docs §7 item 33).
    private static readonly ErrorEntry NotFoundNew = new("not_found", "Chat not found");

    public static readonly ApiError InvalidToken = new(StatusCodes.Status401Unauthorized, new("invalid_token", "Invalid token"), new("unauthorized", "Unauthorized"));

    public static readonly ApiError TooManyRequests = new(StatusCodes.Status429TooManyRequests, new("too_many_requests", "You have exceeded your requests limit"), new("too_many_requests", "Too many requests"));

    /// <summary>The chat of an update, snooze, rate or message does not exist.</summary>
    public static readonly ApiError ChatMissing = new(StatusCodes.Status404NotFound, new("chat_not_found", "Chat is missing"), NotFoundNew);

    /// <summary>GET /chats/{id} of an unknown chat (the get-chat page says "Chat not found").</summary>
    public static readonly ApiError ChatNotFound = new(StatusCodes.Status404NotFound, new("chat_not_found", "Chat not found"), NotFoundNew);

    public static readonly ApiError CustomerNotFound = new(StatusCodes.Status404NotFound, new("entity_not_found", "Customer not found"), NotFoundNew);

    /// <summary>DELETE /customers/{id}: the page lists only <c>not_found</c>.</summary>
    public static readonly ApiError CustomerToDeleteNotFound = new(StatusCodes.Status404NotFound, new("not_found", "Customer not found"), NotFoundNew);

    /// <summary>The agent of a new message does not exist.</summary>
    public static readonly ApiError AgentEntityNotFound = new(StatusCodes.Status404NotFound, new("entity_not_found", "Agent not found"), NotFoundNew);

    /// <summary>GET /agents/{id}/unsubscribe of an unknown agent: the page lists only <c>not_found</c>.</summary>
    public static readonly ApiError AgentNotFound = new(StatusCodes.Status404NotFound, new("not_found", "Agent not found"), NotFoundNew);

    public static readonly ApiError InvalidChatId = InvalidChatValue("Invalid chat ID", "id", "This value should be of type numeric.");

    public static readonly ApiError InvalidAssignee = InvalidChatValue("assignee value is invalid", "assignee", "This value is not valid.");

    public static readonly ApiError InvalidDepartment = InvalidChatValue("department value is invalid", "department", "This value is not valid.");

    public static readonly ApiError InvalidStatus = InvalidChatValue("status value is invalid", "status", "This value is not valid.");

    // The rate page's three errors; only the first was readable, up to "rat…" (its "must me" typo is the API's).
    public static readonly ApiError RateNotClosed = ApiError.Same(StatusCodes.Status400BadRequest, "invalid_request", "Chat must me closed to rate");

    public static readonly ApiError RateAlreadyRated = ApiError.Same(StatusCodes.Status400BadRequest, "invalid_request", "Chat is already rated");

    public static readonly ApiError RateNoAgentMessage = ApiError.Same(StatusCodes.Status400BadRequest, "invalid_request", "Chat must have at least one agent message to be rated");

    /// <summary>A new customer's <c>userId</c> is taken (code seen in a third-party client, docs §1.3).</summary>
    public static readonly ApiError DuplicateUserId = ApiError.Same(StatusCodes.Status400BadRequest, "invalid_userId_value", "A customer with this userId already exists");

    /// <summary>No route matches the path (not a documented body; same envelope for consistency).</summary>
    public static readonly ApiError NotFound = ApiError.Same(StatusCodes.Status404NotFound, "not_found", "Not found");

    /// <summary>The path exists but not with this method (not a documented body; same envelope).</summary>
    public static readonly ApiError MethodNotAllowed = ApiError.Same(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "Method not allowed");

    /// <summary>The read endpoints' 404, as the Polish page publishes it (code <c>not_fount</c> sic), the id filled in.</summary>
    public static ApiError ReadChatNotFound(long chatId) =>
        ApiError.Same(StatusCodes.Status404NotFound, "not_fount", $"Chat for ID \"{chatId}\" was not found");

    /// <summary>An old-style <c>invalid_chat_value</c>; the new style reports the property path instead.</summary>
    public static ApiError InvalidChatValue(string oldMessage, string path, string newMessage) =>
        new(StatusCodes.Status400BadRequest, new("invalid_chat_value", oldMessage), new(path, newMessage));

    /// <summary>
    /// A generic validation failure of property <paramref name="path"/> (e.g. <c>filter[0].value</c>). New style:
    /// <c>invalid_request</c> then <c>{path, message}</c>, as the docs' generic sample; old style: <c>invalid_request</c> naming the path.
    /// </summary>
    public static ApiError Validation(string path, string message) =>
        new(StatusCodes.Status400BadRequest, new("invalid_request", $"{path}: {message}"), new(path, message));

    /// <summary>Sends <paramref name="error"/> with its status code, in the app's error style.</summary>
    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        var style = context.Items[StyleItem] is EmulatorErrorStyle s ? s : EmulatorErrorStyle.Old;
        return JsonResponse.WriteAsync(context, error.StatusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            if (style == EmulatorErrorStyle.Old)
            {
                WriteEntry(writer, error.Old);
            }
            else
            {
                if (error.New.Code != InvalidRequest.Code)
                {
                    WriteEntry(writer, InvalidRequest);
                }

                WriteEntry(writer, error.New);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteEntry(System.Text.Json.Utf8JsonWriter writer, ErrorEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("code", entry.Code);
        writer.WriteString("message", entry.Message);
        writer.WriteEndObject();
    }
}
