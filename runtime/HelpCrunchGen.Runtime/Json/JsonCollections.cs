using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HelpCrunchGen.Runtime;

/// <summary>JSON metadata for lists and arrays of generated types from the item's reader and writer: no reflection, no <c>MakeGenericType</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCollections
{
    private static readonly Type[] s_listTypes =
        [typeof(List<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>), typeof(ICollection<>), typeof(IEnumerable<>)];

    /// <summary>The item type of an array or of a generic list or sequence interface, else null.</summary>
    public static Type? ItemType(Type type) =>
        type.IsArray ? (type.GetArrayRank() == 1 ? type.GetElementType() : null)
        : type.IsGenericType && Array.IndexOf(s_listTypes, type.GetGenericTypeDefinition()) >= 0 ? type.GetGenericArguments()[0]
        : null;

    /// <summary>Metadata for <paramref name="type"/> if it is a collection of <typeparamref name="T"/> that <see cref="ItemType"/> accepts, else null.</summary>
    public static JsonTypeInfo? TypeInfo<T>(Type type, JsonSerializerOptions options, JsonValueReader<T> readItem, Action<Utf8JsonWriter, T> writeItem) =>
        type == typeof(T[]) ? Create<T[], T>(options, readItem, writeItem)
        : type == typeof(List<T>) ? Create<List<T>, T>(options, readItem, writeItem)
        : type == typeof(IReadOnlyList<T>) ? Create<IReadOnlyList<T>, T>(options, readItem, writeItem)
        : type == typeof(IReadOnlyCollection<T>) ? Create<IReadOnlyCollection<T>, T>(options, readItem, writeItem)
        : type == typeof(IList<T>) ? Create<IList<T>, T>(options, readItem, writeItem)
        : type == typeof(ICollection<T>) ? Create<ICollection<T>, T>(options, readItem, writeItem)
        : type == typeof(IEnumerable<T>) ? Create<IEnumerable<T>, T>(options, readItem, writeItem)
        : null;

    private static JsonTypeInfo Create<TCollection, T>(JsonSerializerOptions options, JsonValueReader<T> readItem, Action<Utf8JsonWriter, T> writeItem)
        where TCollection : class, IEnumerable<T> =>
        JsonMetadataServices.CreateValueInfo<TCollection>(options, new ListConverter<TCollection, T>(readItem, writeItem));

    private sealed class ListConverter<TCollection, T>(JsonValueReader<T> readItem, Action<Utf8JsonWriter, T> writeItem) : JsonConverter<TCollection>
        where TCollection : class, IEnumerable<T>
    {
        // Every type but T[] is List<T> or an interface it implements: the list read is returned as it is.
        public override TCollection Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            List<T> items = JsonRead.Items(ref reader, readItem);
            return items as TCollection ?? (TCollection)(object)items.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, TCollection value, JsonSerializerOptions options) =>
            JsonWrite.List(writer, value as IReadOnlyList<T> ?? [.. value], writeItem);
    }
}
