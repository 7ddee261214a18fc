using System;
using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// Strict readers for single JSON values, called by generated converters. A value of the wrong kind gives a
/// <see cref="JsonException"/>; the generated code adds the property path (<c>$.assignee.id</c>) on the way out.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonRead
{
    /// <summary>Reads a JSON string.</summary>
    public static string String(ref Utf8JsonReader reader)
    {
        ExpectString(ref reader);
        return reader.GetString()!;
    }

    /// <summary>Reads a JSON number that fits <see cref="int"/>.</summary>
    public static int Int32(ref Utf8JsonReader reader)
    {
        ExpectNumber(ref reader);
        return reader.TryGetInt32(out int value) ? value : throw OutOfRange(ref reader, "a 32-bit integer");
    }

    /// <summary>Reads a JSON number that fits <see cref="long"/>.</summary>
    public static long Int64(ref Utf8JsonReader reader)
    {
        ExpectNumber(ref reader);
        return reader.TryGetInt64(out long value) ? value : throw OutOfRange(ref reader, "a 64-bit integer");
    }

    /// <summary>Reads a JSON number as <see cref="float"/>.</summary>
    public static float Single(ref Utf8JsonReader reader)
    {
        ExpectNumber(ref reader);
        return reader.TryGetSingle(out float value) ? value : throw OutOfRange(ref reader, "a single-precision number");
    }

    /// <summary>Reads a JSON number as <see cref="double"/>.</summary>
    public static double Double(ref Utf8JsonReader reader)
    {
        ExpectNumber(ref reader);
        return reader.TryGetDouble(out double value) ? value : throw OutOfRange(ref reader, "a double-precision number");
    }

    /// <summary>Reads a JSON number as <see cref="decimal"/>.</summary>
    public static decimal Decimal(ref Utf8JsonReader reader)
    {
        ExpectNumber(ref reader);
        return reader.TryGetDecimal(out decimal value) ? value : throw OutOfRange(ref reader, "a decimal number");
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    /// <summary>Reads an ISO 8601 date-time string.</summary>
    public static DateTimeOffset DateTime(ref Utf8JsonReader reader)
    {
        ExpectString(ref reader);
        return reader.TryGetDateTimeOffset(out DateTimeOffset value)
            ? value
            : throw new JsonException($"Expected an ISO 8601 date-time but found \"{reader.GetString()}\".");
    }

    /// <summary>Reads a UUID string.</summary>
    public static Guid Uuid(ref Utf8JsonReader reader)
    {
        ExpectString(ref reader);
        return reader.TryGetGuid(out Guid value)
            ? value
            : throw new JsonException($"Expected a UUID but found \"{reader.GetString()}\".");
    }

    /// <summary>
    /// Reads Unix time in seconds sent as a number (<c>1603885746</c>), a numeric string (<c>"1603885746"</c>)
    /// or a fractional string (<c>"1603864800.000"</c>); fractions keep millisecond precision.
    /// </summary>
    public static DateTimeOffset UnixTime(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long seconds))
                {
                    return UnixTimeParser.FromSeconds(seconds) ?? throw UnixTimeOutOfRange(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                break;
            case JsonTokenType.String:
                break;
            default:
                throw Unexpected(ref reader, "a Unix timestamp (number or numeric string)");
        }

        return UnixTimeParser.TryParse(UnescapedValue(ref reader), out DateTimeOffset value)
            ? value
            : throw new JsonException($"Expected a Unix timestamp but found {Describe(ref reader)}.");
    }

    // The value's text as JSON means it: "\u0031603885746" is "1603885746". Escaped or split values are rare, so only they allocate.
    private static ReadOnlySpan<byte> UnescapedValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
        {
            byte[] unescaped = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
            return unescaped.AsSpan(0, reader.CopyString(unescaped));
        }

        return reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
    }

    /// <summary>Reads any JSON value as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement Any(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Throws unless the reader is on a string.</summary>
    public static void ExpectString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, "a string");
        }
    }

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }
    }

    /// <summary>Throws unless the reader ended on the end of an object (a truncated payload stops short).</summary>
    public static void ExpectEndObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The JSON object is incomplete.");
        }
    }

    /// <summary>Throws unless the reader is on the start of an array.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }
    }

    /// <summary>True for the exceptions a failed value read can raise.</summary>
    public static bool IsReadFailure(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or ArgumentException;

    /// <summary>Wraps a failure inside property <paramref name="propertyName"/>, prefixing its path.</summary>
    public static JsonException PropertyFailed(Exception inner, string propertyName) =>
        Wrap(inner, JsonPath.Property(propertyName));

    /// <summary>Wraps a failure inside array item <paramref name="index"/>, prefixing its path.</summary>
    public static JsonException ItemFailed(Exception inner, int index) =>
        Wrap(inner, JsonPath.Index(index));

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

    private static void ExpectNumber(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, "a number");
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(ref reader)}.");

    private static JsonException OutOfRange(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(ref reader)}, which is out of range.");

    private static JsonException UnixTimeOutOfRange(string value) =>
        new($"The Unix timestamp {value} is out of range.");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Excerpt(reader.GetString())}\"",
        JsonTokenType.Number => "the number " + Excerpt(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray())),
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var other => other.ToString(),
    };

    // Values from the server go into messages; keep them short.
    private static string Excerpt(string? value) =>
        value is null ? string.Empty : value.Length <= 40 ? value : value.Substring(0, 40) + "…";

    private static JsonException Wrap(Exception inner, string segment)
    {
        string innerPath = inner is JsonException { Path: { Length: > 0 } path } ? path : "$";
        // "$" + ".assignee" + the inner path without its own "$".
        string fullPath = "$" + segment + innerPath.Substring(1);
        string message = inner is JsonException ? StripPathSuffix(inner.Message) : inner.Message;
        var json = inner as JsonException;
        return new JsonException($"{message} Path: {fullPath}", fullPath, json?.LineNumber, json?.BytePositionInLine, inner);
    }

    // Messages built by Wrap end in " Path: …"; an outer wrap replaces it rather than repeating it.
    private static string StripPathSuffix(string message)
    {
        int index = message.LastIndexOf(" Path: $", StringComparison.Ordinal);
        return index >= 0 ? message.Substring(0, index) : message;
    }
}
