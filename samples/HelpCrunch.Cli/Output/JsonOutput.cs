using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HelpCrunch.Cli.Output;

/// <summary>Models as the API's JSON, through the generated JSON context (no reflection).</summary>
internal static class JsonOutput
{
    // Readable names ("Clarke & Sons", "Liu Wei") on a terminal; control characters are still escaped.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One indented document.</summary>
    public static void WriteDocument<T>(TextWriter output, T value, JsonTypeInfo<T> type) =>
        output.WriteLine(Serialize(value, type, Indented));

    /// <summary>One JSON Lines record: the value on one line.</summary>
    public static void WriteLine<T>(TextWriter output, T value, JsonTypeInfo<T> type) =>
        output.WriteLine(Serialize(value, type, Compact));

    /// <summary>A JSON string.</summary>
    public static void WriteString(TextWriter output, string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStringValue(value);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string Serialize<T>(T value, JsonTypeInfo<T> type, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
