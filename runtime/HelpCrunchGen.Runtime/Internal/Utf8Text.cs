using System;
using System.Text;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Decodes UTF-8 bytes on every target framework.</summary>
internal static class Utf8Text
{
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
