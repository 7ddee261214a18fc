using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Routes;

/// <summary>
/// Reads request bodies with <see cref="JsonDocument"/> (no reflection) and answers a bad value with the
/// endpoint's documented error by throwing <see cref="ApiErrorException"/>. Property names are case-sensitive.
/// </summary>
internal static class JsonBody
{
    public const string NotNumeric = "This value should be of type numeric.";
    public const string NotBlank = "This value should not be blank.";
    public const string NotString = "This value should be of type string.";
    public const string NotBoolean = "This value should be of type boolean.";
    public const string NotValid = "This value is not valid.";

    /// <summary>The body parsed as a JSON object, or <paramref name="invalid"/> when it is empty, malformed or not an object.</summary>
    public static Task<JsonDocument> ReadObjectAsync(HttpContext context, ApiError invalid) => ReadAsync(context, JsonValueKind.Object, invalid);

    /// <summary>The body parsed as a JSON array, or <paramref name="invalid"/>.</summary>
    public static Task<JsonDocument> ReadArrayAsync(HttpContext context, ApiError invalid) => ReadAsync(context, JsonValueKind.Array, invalid);

    /// <summary>The body as an object; a body that is not one names <c>body</c> in a generic validation error.</summary>
    public static Task<JsonDocument> ReadObjectAsync(HttpContext context) =>
        ReadObjectAsync(context, Errors.Validation("body", "This value should be a JSON object."));

    /// <summary>A required, positive integer id (a JSON number; <c>"5214000"</c> is rejected).</summary>
    public static int Id(JsonElement body, string name, ApiError invalid) =>
        body.TryGetProperty(name, out var element) && TryId(element, out int id) ? id : throw new ApiErrorException(invalid);

    /// <summary>A required id property that may be an explicit <c>null</c>.</summary>
    public static int? NullableId(JsonElement body, string name, ApiError invalid)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            throw new ApiErrorException(invalid);
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return TryId(element, out int id) ? id : throw new ApiErrorException(invalid);
    }

    /// <summary>An optional id: null when absent (an explicit null is rejected).</summary>
    public static int? OptionalId(JsonElement body, string name, ApiError invalid)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            return null;
        }

        return TryId(element, out int id) ? id : throw new ApiErrorException(invalid);
    }

    /// <summary>A required boolean.</summary>
    public static bool Boolean(JsonElement body, string name) =>
        body.TryGetProperty(name, out var element) && element.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? element.GetBoolean()
            : throw new ApiErrorException(Errors.Validation(name, NotBoolean));

    /// <summary>A required, non-blank string.</summary>
    public static string String(JsonElement body, string name, string path)
    {
        if (!body.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            throw new ApiErrorException(Errors.Validation(path, element.ValueKind == JsonValueKind.Undefined ? NotBlank : NotString));
        }

        string value = element.GetString()!;
        return string.IsNullOrWhiteSpace(value) ? throw new ApiErrorException(Errors.Validation(path, NotBlank)) : value;
    }

    /// <summary>
    /// A Unix time in seconds or null: a JSON number (<c>1603864800</c>), a numeric string (<c>"1603885746"</c>)
    /// or a fractional string (<c>"1603864800.000"</c>) — every form the docs send (§7 items 1–7).
    /// </summary>
    public static bool TryUnixTime(JsonElement element, out DateTimeOffset? time)
    {
        time = null;
        double seconds;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when element.TryGetDouble(out seconds):
                break;
            case JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds):
                break;
            default:
                return false;
        }

        // Beyond year 9999 DateTimeOffset cannot hold it.
        if (seconds < 0 || seconds > 253402300799)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return true;
    }

    private static bool TryId(JsonElement element, out int id)
    {
        id = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out id) && id > 0;
    }

    private static async Task<JsonDocument> ReadAsync(HttpContext context, JsonValueKind kind, ApiError invalid)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            throw new ApiErrorException(invalid);
        }

        if (document.RootElement.ValueKind != kind)
        {
            document.Dispose();
            throw new ApiErrorException(invalid);
        }

        return document;
    }
}
