using System;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Turns the start of a response body into text for <see cref="ApiException.ResponseBodyExcerpt"/>.</summary>
internal static class ResponseBodyExcerpt
{
    public const int MaxLength = 1024;

    // A UTF-8 sequence of n bytes decodes to at least n / 3 chars, so this many bytes always give more than MaxLength chars.
    private const int MaxDecodedBytes = (MaxLength + 1) * 3;

    /// <summary>
    /// Returns at most <see cref="MaxLength"/> chars of <paramref name="body"/>, plus "…" when cut, with <paramref name="secret"/>
    /// masked; <see langword="null"/> for an empty body.
    /// </summary>
    public static string? Create(ReadOnlySpan<byte> body, string? secret)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        // Masked before cutting, so that a secret across the cut cannot leave its start behind.
        string text = SecretRedactor.Redact(Utf8Text.GetString(body.Slice(0, Math.Min(body.Length, MaxDecodedBytes))), secret);
        if (text.Length <= MaxLength && body.Length <= MaxDecodedBytes)
        {
            return text;
        }

        int cut = Math.Min(text.Length, MaxLength);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.Substring(0, cut), "…");
    }
}
