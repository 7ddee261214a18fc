using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

public static partial class JsonRead
{
    /// <summary>Reads Unix seconds sent as a number or a numeric string (<c>"1603864800.913"</c>), to the millisecond.</summary>
    public static DateTimeOffset UnixTime(ref Utf8JsonReader reader) => reader.TokenType is JsonTokenType.Number or JsonTokenType.String
        ? ParseUnixSeconds(UnescapedValue(ref reader)) ?? throw Unexpected(ref reader, "Unix seconds in range")
        : throw Unexpected(ref reader, "a Unix timestamp (number or numeric string)");

    // The value's text as JSON means it: "\u0031603885746" is "1603885746". Escaped or split values are rare, so only they allocate.
    private static ReadOnlySpan<byte> UnescapedValue(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;

    // "1603885746", "1603864800.000", "-0.5": whole seconds, then milliseconds from the first three fraction digits.
    private static DateTimeOffset? ParseUnixSeconds(ReadOnlySpan<byte> utf8)
    {
        int dot = utf8.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = dot < 0 ? utf8 : utf8.Slice(0, dot);
        ReadOnlySpan<byte> fraction = dot < 0 ? "0"u8 : utf8.Slice(dot + 1);
        if (whole.Length == 0 || fraction.Length == 0 || !Utf8Parser.TryParse(whole, out long seconds, out int consumed) || consumed != whole.Length
            || seconds is < -62_135_596_800 or > 253_402_300_799) // DateTimeOffset's range
        {
            return null;
        }

        long milliseconds = 0;
        for (int i = 0; i < Math.Max(fraction.Length, 3); i++)
        {
            int digit = i < fraction.Length ? fraction[i] - '0' : 0;
            if ((uint)digit > 9)
            {
                return null;
            }

            milliseconds = i < 3 ? (milliseconds * 10) + digit : milliseconds;
        }

        // The fraction can step past either end of the range ("-62135596800.5").
        long unixMilliseconds = (seconds * 1000) + (whole[0] == (byte)'-' ? -milliseconds : milliseconds);
        return unixMilliseconds is >= -62_135_596_800_000 and <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds) : null;
    }
}
