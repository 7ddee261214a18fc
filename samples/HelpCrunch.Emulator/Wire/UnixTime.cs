using System;
using System.Globalization;
using System.Text.Json;

namespace HelpCrunch.Emulator.Wire;

/// <summary>
/// Timestamps in the API's newer wire style: UNIX seconds as a JSON <em>string</em>. The docs also
/// publish integers and fractional strings (§7 items 1–5); the emulator serves the string forms on
/// purpose so that clients must read tolerantly.
/// </summary>
internal static class UnixTime
{
    /// <summary>Writes <c>"1603885746"</c>, or null.</summary>
    public static void WriteSeconds(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes <c>"1603864800.000"</c> (seconds with a millisecond fraction, as the snooze sample does), or null.</summary>
    public static void WriteFractional(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            long ms = time.ToUnixTimeMilliseconds();
            long seconds = Math.DivRem(ms, 1000, out long fraction);
            if (fraction < 0)
            {
                // Before 1970 the remainder is negative; keep the fraction in 0..999 (floor division).
                seconds -= 1;
                fraction += 1000;
            }

            writer.WriteString(name, string.Create(CultureInfo.InvariantCulture, $"{seconds}.{fraction:D3}"));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
