using System;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Keeps a secret out of text taken from a response.</summary>
/// <remarks>Some servers echo the credentials they reject; the API key must never reach an exception.</remarks>
internal static class SecretRedactor
{
    private const string Mask = "***";

    /// <summary>Returns <paramref name="text"/> with every occurrence of <paramref name="secret"/> masked.</summary>
    public static string Redact(string text, string? secret) =>
        secret is { Length: > 0 } && text.IndexOf(secret, StringComparison.Ordinal) >= 0
            ? text.Replace(secret, Mask)
            : text;
}
