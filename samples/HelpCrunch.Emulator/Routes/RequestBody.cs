using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Routes;

/// <summary>Outcome of reading one property from a request body.</summary>
internal enum FieldState
{
    /// <summary>The property is absent.</summary>
    Missing,

    /// <summary>The property is present but has the wrong type or range.</summary>
    Invalid,

    /// <summary>The property is present and valid (possibly an explicit null, where allowed).</summary>
    Valid,
}

/// <summary>
/// Reads JSON request bodies with <see cref="JsonDocument"/> (no reflection) and validates the
/// few field shapes the API uses. Property names are case-sensitive, as in the real API.
/// </summary>
internal static class RequestBody
{
    /// <summary>Parses the body as a JSON object; null when it is empty, malformed or not an object.</summary>
    public static async Task<JsonDocument?> ReadObjectAsync(HttpContext context)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>Reads a required, positive integer id (a JSON number; strings such as <c>"5214000"</c> are rejected).</summary>
    public static FieldState TryGetId(JsonElement body, string name, out int id)
    {
        id = 0;
        if (!body.TryGetProperty(name, out var element))
        {
            return FieldState.Missing;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out id) && id > 0
            ? FieldState.Valid
            : FieldState.Invalid;
    }

    /// <summary>Reads a positive integer id that may be an explicit <c>null</c> (e.g. <c>"assignee": null</c> unassigns).</summary>
    public static FieldState TryGetNullableId(JsonElement body, string name, out int? id)
    {
        id = null;
        if (!body.TryGetProperty(name, out var element))
        {
            return FieldState.Missing;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            return FieldState.Valid;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value > 0)
        {
            id = value;
            return FieldState.Valid;
        }

        return FieldState.Invalid;
    }
}
