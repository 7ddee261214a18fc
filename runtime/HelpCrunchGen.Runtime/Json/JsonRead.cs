using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>Strict readers for generated converters: a value of the wrong kind is a <see cref="JsonException"/>, its path added on the way out.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonRead
{
    /// <summary>Reads a JSON string.</summary>
    public static string String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "a string");

    /// <summary>Reads a JSON number that fits <see cref="int"/>.</summary>
    public static int Int32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value)
        ? value : throw Unexpected(ref reader, "a 32-bit integer");

    /// <summary>Reads a JSON number that fits <see cref="long"/>.</summary>
    public static long Int64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value)
        ? value : throw Unexpected(ref reader, "a 64-bit integer");

    /// <summary>Reads a JSON number as <see cref="float"/>.</summary>
    public static float Single(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out float value)
        ? value : throw Unexpected(ref reader, "a single-precision number");

    /// <summary>Reads a JSON number as <see cref="double"/>.</summary>
    public static double Double(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value)
        ? value : throw Unexpected(ref reader, "a double-precision number");

    /// <summary>Reads a JSON number as <see cref="decimal"/>.</summary>
    public static decimal Decimal(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal value)
        ? value : throw Unexpected(ref reader, "a decimal number");

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.True or JsonTokenType.False ? reader.GetBoolean() : throw Unexpected(ref reader, "a boolean");

    /// <summary>Reads an ISO 8601 date-time string.</summary>
    public static DateTimeOffset DateTime(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out DateTimeOffset value)
        ? value : throw Unexpected(ref reader, "an ISO 8601 date-time");

    /// <summary>Reads a UUID string.</summary>
    public static Guid Uuid(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out Guid value)
        ? value : throw Unexpected(ref reader, "a UUID");

    /// <summary>Reads any JSON value as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement Any(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Throws unless the reader is on a string.</summary>
    public static void ExpectString(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.String, "a string");

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.StartObject, "an object");

    /// <summary>Throws unless the reader ended on the end of an object (a truncated payload stops short).</summary>
    public static void ExpectEndObject(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.EndObject, "the end of the object");

    /// <summary>Throws unless the reader is on the start of an array.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.StartArray, "an array");

    /// <summary>True for the exceptions a failed value read can raise.</summary>
    public static bool IsReadFailure(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or ArgumentException;

    /// <summary>Wraps a failure inside property <paramref name="propertyName"/>, prefixing its path.</summary>
    public static JsonException PropertyFailed(Exception inner, string propertyName) =>
        Wrap(inner, propertyName.All(static c => char.IsLetterOrDigit(c) || c == '_') ? "." + propertyName : "['" + propertyName.Replace("'", "\\'") + "']");

    /// <summary>Wraps a failure inside array item <paramref name="index"/>, prefixing its path.</summary>
    public static JsonException ItemFailed(Exception inner, int index) =>
        Wrap(inner, "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    /// <summary>A required property was absent.</summary>
    public static JsonException MissingProperty(string typeName, string propertyName) =>
        new($"The JSON object for {typeName} has no '{propertyName}' property, which the spec requires.", "$", null, null);

    /// <summary>Wraps a failure inside property <paramref name="index"/> of a type's name table, prefixing its path.</summary>
    public static JsonException PropertyFailed(Exception inner, JsonEncodedText[] names, int index) =>
        PropertyFailed(inner, Unescape(names[index]));

    /// <summary>
    /// A required property was absent: the first of <paramref name="missing"/>, whose bit <c>i</c> stands for
    /// <paramref name="names"/><c>[offset + i]</c>.
    /// </summary>
    public static JsonException MissingProperty(string typeName, JsonEncodedText[] names, int offset, ulong missing)
    {
        int bit = 0;
        while (bit < 63 && (missing & (1UL << bit)) == 0)
        {
            bit++;
        }

        return MissingProperty(typeName, Unescape(names[offset + bit]));
    }

    // The table holds names as written (escaped); messages show them as the spec spells them. Error path only.
    private static string Unescape(JsonEncodedText name)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes("\"" + name.Value + "\""));
        reader.Read();
        return reader.GetString()!;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string expected)
    {
        if (reader.TokenType != token)
        {
            throw Unexpected(ref reader, expected);
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(ref reader)}.");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Excerpt(reader.GetString())}\"",
        JsonTokenType.Number => "the number " + Excerpt(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray())),
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var other => other.ToString(),
    };

    // Values from the server go into messages; keep them short.
    private static string Excerpt(string? value) =>
        value is null ? string.Empty : value.Length <= 40 ? value : value.Substring(0, 40) + "…";

    // "$" + ".assignee" + the inner path without its own "$"; an inner " Path: …" suffix is replaced, not repeated.
    private static JsonException Wrap(Exception inner, string segment)
    {
        var json = inner as JsonException;
        string path = "$" + segment + (json?.Path is { Length: > 0 } innerPath ? innerPath.Substring(1) : "");
        int suffix = json is null ? -1 : inner.Message.LastIndexOf(" Path: $", StringComparison.Ordinal);
        string message = suffix >= 0 ? inner.Message.Substring(0, suffix) : inner.Message;
        return new JsonException($"{message} Path: {path}", path, json?.LineNumber, json?.BytePositionInLine, inner);
    }
}
