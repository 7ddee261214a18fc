using System;
using System.Collections.Generic;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

public static partial class JsonRead
{
    /// <summary>Reads a JSON array, each item with <paramref name="readItem"/>; a failing item's index joins the path.</summary>
    public static IReadOnlyList<T> List<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem) => Items(ref reader, readItem);

    /// <summary>Reads a JSON array as <see cref="List{T}"/> does, or a bare single value as a one-item list.</summary>
    public static IReadOnlyList<T> ListOrSingle<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem) =>
        reader.TokenType == JsonTokenType.StartArray ? Items(ref reader, readItem) : [readItem(ref reader)];

    /// <summary>Reads a JSON object as a dictionary, each value with <paramref name="readValue"/>.</summary>
    public static IReadOnlyDictionary<string, T> Map<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
    {
        ExpectStartObject(ref reader);
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        string? key = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                key = reader.GetString()!;
                reader.Read();
                entries[key] = readValue(ref reader);
            }
        }
        catch (Exception ex) when (key is not null && IsReadFailure(ex))
        {
            throw PropertyFailed(ex, key);
        }

        return entries;
    }

    /// <summary>Reads a map sent as a JSON object or as an array of <c>{"keyName": "k", "valueName": v}</c> entries.</summary>
    public static IReadOnlyDictionary<string, T> MapOrEntries<T>(ref Utf8JsonReader reader, string keyName, string valueName, JsonValueReader<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Map(ref reader, readValue);
        }

        // Not a hot path (request bodies): the closure is fine, and the list loop adds the entry's index to the path.
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach ((string key, T value) in Items(ref reader, (ref Utf8JsonReader entry) => ReadEntry(ref entry, keyName, valueName, readValue)))
        {
            entries[key] = value;
        }

        return entries;
    }

    private static (string Key, T Value) ReadEntry<T>(ref Utf8JsonReader reader, string keyName, string valueName, JsonValueReader<T> readValue)
    {
        ExpectStartObject(ref reader);
        (string? key, T value, bool hasValue, string? property) = (null, default!, false, null);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString()!;
                reader.Read();
                if (property == keyName)
                {
                    key = String(ref reader);
                }
                else if (property == valueName)
                {
                    (value, hasValue) = (readValue(ref reader), true);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (property is not null && IsReadFailure(ex))
        {
            throw PropertyFailed(ex, property);
        }

        ExpectEndObject(ref reader);
        return key is null ? throw new JsonException($"The map entry has no '{keyName}' string.")
            : hasValue ? (key, value) : throw new JsonException($"The map entry '{Excerpt(key)}' has no '{valueName}'.");
    }

    // The one array loop, also behind the JSON context's collections.
    internal static List<T> Items<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem)
    {
        ExpectStartArray(ref reader);
        var items = new List<T>();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(readItem(ref reader));
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw ItemFailed(ex, items.Count);
        }

        return items;
    }
}
