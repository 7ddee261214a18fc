using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HelpCrunchGen.Runtime.Webhooks;

/// <summary>Reads a webhook's envelope and its typed data through the generated JSON context; used by generated parsers.</summary>
public static class WebhookJson
{
    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    /// <exception cref="JsonException">The body is not JSON, is <c>null</c>, or does not fit the envelope (the message and <see cref="JsonException.Path"/> say where).</exception>
    public static T ReadEnvelope<T>(ReadOnlySpan<byte> body, JsonSerializerOptions options)
        where T : class =>
        JsonSerializer.Deserialize(body, TypeInfo<T>(options)) ?? throw new JsonException("The webhook body is null; a JSON object was expected.");

    /// <summary>Reads a data value that must be present and not <c>null</c>.</summary>
    /// <exception cref="JsonException">It is absent, <c>null</c>, or does not fit <typeparamref name="T"/>.</exception>
    public static T ReadRequiredData<T>(JsonElement data, JsonSerializerOptions options, string propertyName)
        where T : class =>
        ReadOptionalData<T>(data, options) ?? throw new JsonException($"The webhook's '{propertyName}' is missing or null.", "$." + propertyName, null, null);

    /// <summary>Reads a data value; <see langword="null"/> when it is absent or <c>null</c>.</summary>
    /// <exception cref="JsonException">It does not fit <typeparamref name="T"/>.</exception>
    public static T? ReadOptionalData<T>(JsonElement data, JsonSerializerOptions options)
        where T : class =>
        data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : data.Deserialize(TypeInfo<T>(options));

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)(options ?? throw new ArgumentNullException(nameof(options))).GetTypeInfo(typeof(T));
}
