using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>Writers for values the generated converters cannot write with a single writer call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonWrite
{
    /// <summary>Writes free-form JSON; an unset element (<c>default(JsonElement)</c>) is written as null.</summary>
    public static void Any(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>Writes Unix seconds: whole, or with the milliseconds as a fraction (<c>1594139170.913</c>) when there are any.</summary>
    // Decimal division keeps no trailing zeros: 1603885746000 / 1000m is written 1603885746.
    public static void UnixTime(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);

    /// <summary>Writes the property <paramref name="name"/> with a Unix time value.</summary>
    public static void UnixTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) =>
        writer.WriteNumber(name, value.ToUnixTimeMilliseconds() / 1000m);

    /// <summary>Writes a JSON array, each item with <paramref name="writeItem"/> (a null item as <c>null</c>).</summary>
    public static void List<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        for (int i = 0; i < values.Count; i++)
        {
            ValueOrNull(writer, values[i], writeItem);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object, each value with <paramref name="writeValue"/> (a null value as <c>null</c>).</summary>
    public static void Map<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> entry in values)
        {
            writer.WritePropertyName(entry.Key);
            ValueOrNull(writer, entry.Value, writeValue);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a dictionary as an array of <c>{"keyName": k, "valueName": v}</c> entries.</summary>
    public static void MapEntries<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, string keyName, string valueName, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartArray();
        foreach (KeyValuePair<string, T> entry in values)
        {
            writer.WriteStartObject();
            writer.WriteString(keyName, entry.Key);
            writer.WritePropertyName(valueName);
            ValueOrNull(writer, entry.Value, writeValue);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A type's JSON property names, encoded once: its writer writes them, its reader names them in errors.</summary>
    public static JsonEncodedText[] Names(params string[] names)
    {
        var encoded = new JsonEncodedText[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(names[i]);
        }

        return encoded;
    }

    /// <summary>The error for a required, non-nullable property that holds null: the spec never allows sending it.</summary>
    public static ArgumentException RequiredPropertyIsNull(string typeName, string propertyName) =>
        new($"{typeName}.{propertyName} is required and cannot be null: set it before sending the {typeName}.", "value");

    /// <summary>A value as JSON text, for an object or map sent in a path, query or header parameter.</summary>
    public static string ToJsonText<T>(T value, Action<Utf8JsonWriter, T> write) => Encoding.UTF8.GetString(ToUtf8(value, write));

    internal static byte[] ToUtf8<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer, value);
        }

        return stream.ToArray();
    }

    private static void ValueOrNull<T>(Utf8JsonWriter writer, T value, Action<Utf8JsonWriter, T> write)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            write(writer, value);
        }
    }
}
