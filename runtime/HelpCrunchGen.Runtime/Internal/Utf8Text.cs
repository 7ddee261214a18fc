using System;
using System.Text;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Decodes UTF-8 bytes on every target framework (netstandard2.0 has no span overload).</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>: strict throws <see cref="DecoderFallbackException"/> for invalid UTF-8, otherwise it becomes U+FFFD.</summary>
    public static string GetString(ReadOnlySpan<byte> bytes, bool strict = false)
    {
        Encoding encoding = strict ? s_strict : Encoding.UTF8;
#if NET
        return encoding.GetString(bytes);
#else
        return bytes.IsEmpty ? string.Empty : encoding.GetString(bytes.ToArray());
#endif
    }
}
