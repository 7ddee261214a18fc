using System;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Checks that an API key can be sent in a header.</summary>
internal static class ApiKeyValidator
{
    /// <summary>Throws if <paramref name="apiKey"/> contains a control character; the message never contains the key.</summary>
    public static void ThrowIfInvalid(string? apiKey, string paramName)
    {
        if (apiKey is null)
        {
            return;
        }

        // CR or LF would let the key inject further header lines.
        foreach (char c in apiKey)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The API key must not contain control characters such as CR or LF.", paramName);
            }
        }
    }
}
