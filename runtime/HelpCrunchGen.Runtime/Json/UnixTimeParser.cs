using System;
using System.Buffers.Text;

namespace HelpCrunchGen.Runtime;

/// <summary>Parses Unix-seconds text such as <c>1603885746</c>, <c>1603864800.000</c> or <c>1594139170.913</c>.</summary>
internal static class UnixTimeParser
{
    // DateTimeOffset's range in Unix seconds.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    public static DateTimeOffset? FromSeconds(long seconds) =>
        seconds is < MinSeconds or > MaxSeconds ? null : DateTimeOffset.FromUnixTimeSeconds(seconds);

    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        int dot = utf8.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = dot < 0 ? utf8 : utf8.Slice(0, dot);
        if (!Utf8Parser.TryParse(whole, out long seconds, out int consumed) || consumed != whole.Length || whole.Length == 0)
        {
            return false;
        }

        long milliseconds = 0;
        if (dot >= 0)
        {
            ReadOnlySpan<byte> fraction = utf8.Slice(dot + 1);
            if (fraction.Length == 0)
            {
                return false;
            }

            // Milliseconds from the first three digits; further digits must still be digits.
            for (int i = 0; i < fraction.Length; i++)
            {
                byte digit = fraction[i];
                if (digit < (byte)'0' || digit > (byte)'9')
                {
                    return false;
                }

                if (i < 3)
                {
                    milliseconds = (milliseconds * 10) + (digit - '0');
                }
            }

            for (int i = fraction.Length; i < 3; i++)
            {
                milliseconds *= 10;
            }

            if (whole[0] == (byte)'-')
            {
                milliseconds = -milliseconds;
            }
        }

        if (FromSeconds(seconds) is not { } instant)
        {
            return false;
        }

        // The fraction can step past either end of the range ("-62135596800.5"), where AddMilliseconds would throw.
        long ticks = instant.UtcTicks + (milliseconds * TimeSpan.TicksPerMillisecond);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
