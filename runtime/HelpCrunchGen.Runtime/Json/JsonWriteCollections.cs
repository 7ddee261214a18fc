using System;
using System.Collections.Generic;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

public static partial class JsonWrite
{
    /// <summary>Writes a JSON array, each item with <paramref name="writeItem"/> (a null item as <c>null</c>).</summary>
    public static void List<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        for (int i = 0; i < values.Count; i++)
        {
            T item = values[i];
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writeItem(writer, item);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object, each value with <paramref name="writeValue"/> (a null value as <c>null</c>).</summary>
    public static void Map<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject();
        if (values is Dictionary<string, T> dictionary)
        {
            // The concrete type's struct enumerator: no allocation for the common case.
            foreach (KeyValuePair<string, T> entry in dictionary)
            {
                writer.WritePropertyName(entry.Key);
                WriteValueOrNull(writer, entry.Value, writeValue);
            }
        }
        else
        {
            foreach (KeyValuePair<string, T> entry in values)
            {
                writer.WritePropertyName(entry.Key);
                WriteValueOrNull(writer, entry.Value, writeValue);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a dictionary as an array of entries, <c>[{"<paramref name="keyName"/>": k, "<paramref name="valueName"/>": v}]</c>,
    /// for APIs that take a map in that shape.
    /// </summary>
    public static void MapEntries<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, string keyName, string valueName, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartArray();
        foreach (KeyValuePair<string, T> entry in values)
        {
            writer.WriteStartObject();
            writer.WriteString(keyName, entry.Key);
            writer.WritePropertyName(valueName);
            WriteValueOrNull(writer, entry.Value, writeValue);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteValueOrNull<T>(Utf8JsonWriter writer, T value, Action<Utf8JsonWriter, T> writeValue)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writeValue(writer, value);
        }
    }
}
