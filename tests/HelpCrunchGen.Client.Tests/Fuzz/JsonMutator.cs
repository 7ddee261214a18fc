using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HelpCrunchGen.Client.Tests.Fuzz;

/// <summary>What a structural mutation does to one JSON value (and, inside an object, to its property).</summary>
internal enum ValueMutation
{
    SwapType,
    Remove,
    Duplicate,
    ExtremeNumber,
    OddString,
    InvalidUtf8,
    DeepNesting,
    RenameProperty,
}

/// <summary>
/// Rewrites a JSON document with mutations applied to chosen values, addressed by their pre-order index
/// (the root is 0). The output may be invalid JSON on purpose (duplicate keys, raw invalid UTF-8, 10,000-deep nesting).
/// </summary>
internal static class JsonMutator
{
    public const int DeepNestingDepth = 10_000;

    public static readonly ValueMutation[] AllMutations = Enum.GetValues<ValueMutation>();

    // Replacements of another JSON type than the value they replace usually has.
    private static readonly string[] s_otherTypes = ["null", "true", "false", "0", "-1", "1.5", "\"\"", "\"x\"", "{}", "[]", "[null]", "{\"id\":1}"];

    // Numbers beyond long, double and decimal, negative zero, and values that only look numeric.
    private static readonly string[] s_extremeNumbers =
    [
        "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999",
        "79228162514264337593543950336", "1e400", "-1e400", "1e-400", "-0", "-0.0", "0e0",
        "1.7976931348623157e309", "4.9e-325", "123456789012345678901234567890.5", "253402300800", "-62135596801",
    ];

    private static readonly string[] s_oddStrings =
    [
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"-0\"", "\"1e400\"", "\"0x10\"", "\" 1603885746\"",
        "\"1603885746.\"", "\".5\"", "\"-62135596800.5\"", "\"253402300799.999\"", "\"\\u0031603885746\"",
        "\"\\uD800\"", "\"\\uDFFF\\uD800\"", "\"\\u0000\"", "\"on hold\"", "\"ON HOLD\"", "\"\"",
    ];

    /// <summary>Every replacement value above, as a whole body of its own.</summary>
    public static IEnumerable<byte[]> ReplacementBodies() =>
        s_otherTypes.Concat(s_extremeNumbers).Concat(s_oddStrings).Select(Encoding.UTF8.GetBytes);

    /// <summary>Counts the values in <paramref name="root"/>, containers included.</summary>
    public static int CountValues(JsonElement root)
    {
        int count = 1;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    count += CountValues(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in root.EnumerateArray())
                {
                    count += CountValues(item);
                }

                break;
        }

        return count;
    }

    /// <summary>Writes <paramref name="root"/> with <paramref name="mutations"/> (value index → mutation) applied.</summary>
    public static byte[] Apply(JsonElement root, IReadOnlyDictionary<int, ValueMutation> mutations, Random random)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            int index = 0;
            WriteValue(writer, name: null, root, mutations, random, ref index);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(
        Utf8JsonWriter writer, string? name, JsonElement value, IReadOnlyDictionary<int, ValueMutation> mutations, Random random, ref int index)
    {
        int own = index++;
        if (!mutations.TryGetValue(own, out ValueMutation mutation))
        {
            WriteName(writer, name);
            WriteChildren(writer, value, mutations, random, ref index);
            return;
        }

        // The value's children are skipped by the mutation; their indices are still used up, so that later indices stay put.
        index += CountValues(value) - 1;
        switch (mutation)
        {
            case ValueMutation.Remove:
                break;
            case ValueMutation.Duplicate:
                WriteName(writer, name);
                value.WriteTo(writer);
                WriteName(writer, name);
                WriteRaw(writer, Pick(random, s_otherTypes));
                break;
            case ValueMutation.RenameProperty:
                WriteName(writer, name is null ? null : RenameOf(name, random));
                value.WriteTo(writer);
                break;
            default:
                WriteName(writer, name);
                WriteReplacement(writer, mutation, random);
                break;
        }
    }

    private static void WriteChildren(Utf8JsonWriter writer, JsonElement value, IReadOnlyDictionary<int, ValueMutation> mutations, Random random, ref int index)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    WriteValue(writer, property.Name, property.Value, mutations, random, ref index);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    WriteValue(writer, name: null, item, mutations, random, ref index);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteReplacement(Utf8JsonWriter writer, ValueMutation mutation, Random random)
    {
        switch (mutation)
        {
            case ValueMutation.SwapType:
                WriteRaw(writer, Pick(random, s_otherTypes));
                break;
            case ValueMutation.ExtremeNumber:
                WriteRaw(writer, Pick(random, s_extremeNumbers));
                break;
            case ValueMutation.OddString:
                WriteRaw(writer, Pick(random, s_oddStrings));
                break;
            case ValueMutation.InvalidUtf8:
                // An overlong '/', a lone continuation byte, a truncated 3-byte sequence, 0xFF.
                writer.WriteRawValue([(byte)'"', 0xC0, 0xAF, (byte)'a', 0x80, 0xE2, 0x82, 0xFF, (byte)'"'], skipInputValidation: true);
                break;
            case ValueMutation.DeepNesting:
                writer.WriteRawValue(DeepNesting(random.Next(2) == 0 ? "[" : "{\"a\":", random.Next(2) == 0 ? "]" : "}"), skipInputValidation: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }

    /// <summary><paramref name="open"/> and <paramref name="close"/>, each <see cref="DeepNestingDepth"/> times, around a 1.</summary>
    public static byte[] DeepNesting(string open, string close) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, DeepNestingDepth)) + "1" + string.Concat(Enumerable.Repeat(close, DeepNestingDepth)));

    private static string RenameOf(string name, Random random) => random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => name + "\u0000",
        _ => "\\" + name,
    };

    private static void WriteName(Utf8JsonWriter writer, string? name)
    {
        if (name is not null)
        {
            writer.WritePropertyName(name);
        }
    }

    private static void WriteRaw(Utf8JsonWriter writer, string json) =>
        writer.WriteRawValue(Encoding.UTF8.GetBytes(json), skipInputValidation: true);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
