using System;
using System.ComponentModel;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// Builds detached <see cref="JsonElement"/>s from .NET values, for the generated union types' implicit conversions
/// (<c>filter.Value = 18</c>). The elements own their memory: no document to dispose.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    private static readonly JsonElement s_true = Create(true, static (writer, value) => writer.WriteBooleanValue(value));
    private static readonly JsonElement s_false = Create(false, static (writer, value) => writer.WriteBooleanValue(value));

    /// <summary>A JSON string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static JsonElement String(string value) =>
        Create(value ?? throw new ArgumentNullException(nameof(value)), static (writer, text) => writer.WriteStringValue(text));

    /// <summary>A JSON integer.</summary>
    public static JsonElement Number(long value) => Create(value, static (writer, number) => writer.WriteNumberValue(number));

    /// <summary>A JSON number, in its shortest round-trippable form.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite, which JSON cannot represent.</exception>
    public static JsonElement Number(double value) =>
        double.IsNaN(value) || double.IsInfinity(value)
            ? throw new ArgumentException($"JSON has no number for {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", nameof(value))
            : Create(value, static (writer, number) => writer.WriteNumberValue(number));

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static JsonElement Boolean(bool value) => value ? s_true : s_false;

    /// <summary>A Unix time in whole seconds, as a JSON integer (fractions of a second are dropped).</summary>
    public static JsonElement UnixTime(DateTimeOffset value) => Number(value.ToUnixTimeSeconds());

    private static JsonElement Create<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var reader = new Utf8JsonReader(JsonWrite.ToUtf8(value, write));
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }
}
