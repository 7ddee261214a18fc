using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// JSON metadata for collections of generated types (<c>List&lt;Chat&gt;</c>, <c>IReadOnlyList&lt;Chat&gt;</c>,
/// <c>Chat[]</c> …), built from the item's reader and writer: no reflection, no <c>MakeGenericType</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCollections
{
    /// <summary>The item type of an array or of a generic list or sequence interface, else null.</summary>
    public static Type? ItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 ? type.GetElementType() : null;
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>)
            || definition == typeof(IReadOnlyList<>)
            || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(IList<>)
            || definition == typeof(ICollection<>)
            || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>
    /// Metadata for <paramref name="type"/>, a collection of <typeparamref name="T"/> that <see cref="ItemType"/>
    /// accepted; null for any other type.
    /// </summary>
    public static JsonTypeInfo? TypeInfo<T>(Type type, JsonSerializerOptions options, JsonValueReader<T> readItem, Action<Utf8JsonWriter, T> writeItem)
    {
        if (type == typeof(T[]))
        {
            return JsonMetadataServices.CreateValueInfo<T[]>(options, new ListConverter<T[], T>(readItem, writeItem, static items => items.ToArray()));
        }

        if (type == typeof(List<T>))
        {
            return JsonMetadataServices.CreateValueInfo<List<T>>(options, new ListConverter<List<T>, T>(readItem, writeItem, static items => items));
        }

        if (type == typeof(IReadOnlyList<T>))
        {
            return Create<IReadOnlyList<T>, T>(options, readItem, writeItem);
        }

        if (type == typeof(IReadOnlyCollection<T>))
        {
            return Create<IReadOnlyCollection<T>, T>(options, readItem, writeItem);
        }

        if (type == typeof(IList<T>))
        {
            return Create<IList<T>, T>(options, readItem, writeItem);
        }

        if (type == typeof(ICollection<T>))
        {
            return Create<ICollection<T>, T>(options, readItem, writeItem);
        }

        return type == typeof(IEnumerable<T>) ? Create<IEnumerable<T>, T>(options, readItem, writeItem) : null;
    }

    // An interface the list implements: the List<T> read is returned as it is.
    private static JsonTypeInfo Create<TCollection, T>(JsonSerializerOptions options, JsonValueReader<T> readItem, Action<Utf8JsonWriter, T> writeItem)
        where TCollection : class, IEnumerable<T> =>
        JsonMetadataServices.CreateValueInfo<TCollection>(options, new ListConverter<TCollection, T>(readItem, writeItem, static items => (TCollection)(object)items));

    private sealed class ListConverter<TCollection, T>(JsonValueReader<T> readItem, Action<Utf8JsonWriter, T> writeItem, Func<List<T>, TCollection> finish)
        : JsonConverter<TCollection>
        where TCollection : class, IEnumerable<T>
    {
        public override TCollection Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            JsonRead.ExpectStartArray(ref reader);
            var items = new List<T>();
            try
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(readItem(ref reader));
                }
            }
            catch (Exception ex) when (JsonRead.IsReadFailure(ex))
            {
                throw JsonRead.ItemFailed(ex, items.Count);
            }

            return finish(items);
        }

        public override void Write(Utf8JsonWriter writer, TCollection value, JsonSerializerOptions options)
        {
            if (value is IReadOnlyList<T> list)
            {
                JsonWrite.List(writer, list, writeItem);
                return;
            }

            writer.WriteStartArray();
            foreach (T item in value)
            {
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
    }
}
