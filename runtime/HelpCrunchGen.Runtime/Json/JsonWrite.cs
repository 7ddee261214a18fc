using System;
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
            return;
        }

        value.WriteTo(writer);
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

    /// <summary>
    /// A value as JSON text, for an object or map sent in a path, query or header parameter (never its
    /// <c>ToString()</c>, which would send the type name).
    /// </summary>
    public static string ToJsonText<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        ArraySegment<byte> utf8 = ToUtf8(value, write);
        return Encoding.UTF8.GetString(utf8.Array!, utf8.Offset, utf8.Count);
    }

    /// <summary>What <paramref name="write"/> writes for <paramref name="value"/>, as UTF-8 bytes.</summary>
    internal static ArraySegment<byte> ToUtf8<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer, value);
        }

        return new ArraySegment<byte>(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
