using System;

namespace HelpCrunchGen.Runtime.Webhooks;

/// <summary>Comparison and hex decoding whose running time does not depend on the secret bytes compared.</summary>
internal static class FixedTime
{
    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
#if NET8_0_OR_GREATER
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(left, right);
#else
        // The same contract as FixedTimeEquals: the lengths are public; the contents are compared in full, without branching on them.
        if (left.Length != right.Length)
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
#endif
    }

    /// <summary>Decodes hex digits (either case) into <paramref name="destination"/>; false unless they fill it exactly.</summary>
    public static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        int invalid = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            int high = HexValue(hex[2 * i]);
            int low = HexValue(hex[(2 * i) + 1]);
            invalid |= high | low;
            destination[i] = (byte)((high << 4) | low);
        }

        return invalid >= 0;
    }

    /// <summary>0–15 for a hex digit, a negative number otherwise.</summary>
    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
