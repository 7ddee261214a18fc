using System;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

public static partial class JsonWrite
{
    /// <summary>
    /// Writes a <c>unix-time</c> value as Unix seconds: a whole number, or with its milliseconds as a fraction
    /// (<c>1594139170.913</c>) when it has any, so a fractional timestamp the API sent is written back as it was.
    /// </summary>
    public static void UnixTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        long milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteNumberValue(milliseconds / 1000m);
        }
    }

    /// <summary>Writes the property <paramref name="name"/> with a <c>unix-time</c> value, as <see cref="UnixTime(Utf8JsonWriter, DateTimeOffset)"/>.</summary>
    public static void UnixTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        writer.WritePropertyName(name);
        UnixTime(writer, value);
    }
}
