using System.ComponentModel;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>Writers for values the generated converters cannot write with a single writer call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
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
}
