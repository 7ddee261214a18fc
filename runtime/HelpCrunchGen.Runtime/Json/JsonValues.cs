using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>Detached <see cref="JsonElement"/>s (no document to dispose) for the generated unions' implicit conversions.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    /// <summary>A JSON string.</summary>
    public static JsonElement String(string value) =>
        Create(value ?? throw new ArgumentNullException(nameof(value)), static (writer, text) => writer.WriteStringValue(text));

    /// <summary>A JSON integer.</summary>
    public static JsonElement Number(long value) => Create(value, static (writer, number) => writer.WriteNumberValue(number));

    /// <summary>A JSON number, in its shortest round-trippable form; NaN and infinities, which JSON lacks, are an <see cref="ArgumentException"/>.</summary>
    public static JsonElement Number(double value) => double.IsNaN(value) || double.IsInfinity(value)
        ? throw new ArgumentException($"JSON has no number for {value.ToString(CultureInfo.InvariantCulture)}.", nameof(value))
        : Create(value, static (writer, number) => writer.WriteNumberValue(number));

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static JsonElement Boolean(bool value) => Create(value, static (writer, flag) => writer.WriteBooleanValue(flag));

    /// <summary>A Unix time in whole seconds, as a JSON integer (fractions of a second are dropped).</summary>
    public static JsonElement UnixTime(DateTimeOffset value) => Number(value.ToUnixTimeSeconds());

    private static JsonElement Create<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var reader = new Utf8JsonReader(JsonWrite.ToUtf8(value, write));
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }
}
