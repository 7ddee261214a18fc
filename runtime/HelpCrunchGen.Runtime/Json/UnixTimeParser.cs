using System;
using System.Buffers.Text;

namespace HelpCrunchGen.Runtime;

/// <summary>Parses Unix-seconds text such as <c>1603885746</c>, <c>1603864800.000</c> or <c>1594139170.913</c>.</summary>
internal static class UnixTimeParser
{
    private static readonly long s_epochTicks = DateTimeOffset.FromUnixTimeSeconds(0).UtcTicks;

    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        int dot = utf8.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = dot < 0 ? utf8 : utf8.Slice(0, dot);
        ReadOnlySpan<byte> fraction = dot < 0 ? "0"u8 : utf8.Slice(dot + 1);
        if (whole.Length == 0 || fraction.Length == 0 || !Utf8Parser.TryParse(whole, out long seconds, out int consumed) || consumed != whole.Length
            || seconds is < -62_135_596_800 or > 253_402_300_799) // DateTimeOffset's range
        {
            return false;
        }

        // Milliseconds from the first three digits; further digits must still be digits.
        long milliseconds = 0;
        for (int i = 0; i < Math.Max(fraction.Length, 3); i++)
        {
            int digit = i < fraction.Length ? fraction[i] - '0' : 0;
            if ((uint)digit > 9)
            {
                return false;
            }

            milliseconds = i < 3 ? (milliseconds * 10) + digit : milliseconds;
        }

        // The fraction can step past either end of the range ("-62135596800.5").
        long ticks = s_epochTicks + (seconds * TimeSpan.TicksPerSecond) + ((whole[0] == (byte)'-' ? -milliseconds : milliseconds) * TimeSpan.TicksPerMillisecond);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
