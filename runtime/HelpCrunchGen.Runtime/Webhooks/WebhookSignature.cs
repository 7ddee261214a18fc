using System;
using System.Security.Cryptography;
using System.Text;

namespace HelpCrunchGen.Runtime.Webhooks;

/// <summary>Verifies the signature a webhook carries: a hex-encoded HMAC of the raw body, keyed with the signing key.</summary>
public static class WebhookSignature
{
    private const int MaxHashSize = 32;

    /// <summary>Throws unless <paramref name="signature"/> is the HMAC of <paramref name="body"/> keyed with <paramref name="signingKey"/>.</summary>
    /// <param name="body">The request body exactly as received: not re-encoded, not re-serialized.</param>
    /// <param name="signature">The value of the signature header; <see langword="null"/> when the request has none.</param>
    /// <param name="signingKey">The webhook signing key the API shows (its UTF-8 bytes are the HMAC key).</param>
    /// <param name="algorithm">The keyed hash.</param>
    /// <param name="headerName">The signature header's name, for the exception's message.</param>
    /// <exception cref="ArgumentException"><paramref name="signingKey"/> is null or empty, or <paramref name="headerName"/> is null.</exception>
    /// <exception cref="WebhookSignatureException">The signature is missing, malformed or does not match.</exception>
    public static void Verify(ReadOnlySpan<byte> body, string? signature, string signingKey, WebhookSignatureAlgorithm algorithm, string headerName)
    {
        if (string.IsNullOrEmpty(signingKey))
        {
            throw new ArgumentException("The webhook signing key is null or empty.", nameof(signingKey));
        }

        if (headerName is null)
        {
            throw new ArgumentNullException(nameof(headerName));
        }

        ReadOnlySpan<char> received = signature.AsSpan().Trim();
        if (received.IsEmpty)
        {
            throw new WebhookSignatureException(headerName, WebhookSignatureFailure.Missing);
        }

        Span<byte> expected = stackalloc byte[MaxHashSize];
        expected = expected.Slice(0, algorithm == WebhookSignatureAlgorithm.HmacSha256 ? 32 : 20);
        if (!FixedTime.TryDecodeHex(received, expected))
        {
            throw new WebhookSignatureException(headerName, WebhookSignatureFailure.Malformed);
        }

        Span<byte> actual = stackalloc byte[MaxHashSize];
        actual = actual.Slice(0, expected.Length);
        ComputeHash(algorithm, Encoding.UTF8.GetBytes(signingKey), body, actual);
        if (!FixedTime.Equal(expected, actual))
        {
            throw new WebhookSignatureException(headerName, WebhookSignatureFailure.Mismatch);
        }
    }

    private static void ComputeHash(WebhookSignatureAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> body, Span<byte> destination)
    {
#if NET8_0_OR_GREATER
        _ = algorithm == WebhookSignatureAlgorithm.HmacSha256
            ? HMACSHA256.HashData(key, body, destination)
            : HMACSHA1.HashData(key, body, destination);
#else
        using HMAC hmac = algorithm == WebhookSignatureAlgorithm.HmacSha256 ? new HMACSHA256(key) : new HMACSHA1(key);
        hmac.ComputeHash(body.ToArray()).AsSpan().CopyTo(destination);
#endif
    }
}
