using System;
using System.Text;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Decodes UTF-8 bytes on every target framework.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="DecoderFallbackException"/> for invalid UTF-8.</summary>
    public static string GetStringStrict(ReadOnlySpan<byte> bytes)
    {
#if NET
        return s_strict.GetString(bytes);
#else
        return bytes.IsEmpty ? string.Empty : s_strict.GetString(bytes.ToArray());
#endif
    }

    /// <summary>Decodes <paramref name="bytes"/>, replacing invalid sequences with U+FFFD.</summary>
    public static string GetString(ReadOnlySpan<byte> bytes)
    {
#if NET
        return Encoding.UTF8.GetString(bytes);
#else
        return bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes.ToArray());
#endif
    }
}
