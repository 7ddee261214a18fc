using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Builds the <see cref="ApiException"/> for a failed call, keeping the API key out of every detail.</summary>
/// <remarks>Some servers echo the credentials they reject; the key is masked in the entries and in the excerpt.</remarks>
internal static class ApiExceptionFactory
{
    public const int MaxExcerptLength = 1024;
    private const int MaxErrorBodyLength = 1024 * 1024; // error bodies are small; this guards against a proxy sending something huge
    private const int MaxExcerptBytes = (MaxExcerptLength + 1) * 3; // n bytes of UTF-8 decode to at least n / 3 chars

    /// <summary>Reads the body of a response whose status code is not a success for the operation.</summary>
    public static async Task<ApiException> FromErrorResponseAsync(HttpResponseMessage response, string operationId, string? secret, CancellationToken cancellationToken)
    {
        ResponseBody body = await ResponseBody.ReadAsync(response.Content, MaxErrorBodyLength, cancellationToken).ConfigureAwait(false);
        try
        {
            var errors = ErrorEnvelopeReader.Read(body.Span, out Exception? failure)
                .ConvertAll(e => new ApiError(Redact(e.Code, secret), Redact(e.Message, secret)));
            return new ApiException(operationId, response.StatusCode, errors, RetryAfter(response.Headers.RetryAfter), Excerpt(body.Span, secret), failure);
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>Reports a success response whose body could not be read as the expected JSON.</summary>
    public static ApiException FromUnreadableBody(HttpStatusCode statusCode, string operationId, ReadOnlySpan<byte> body, string? secret, Exception failure) =>
        new(operationId, statusCode, Array.Empty<ApiError>(), retryAfter: null, Excerpt(body, secret), failure);

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        TimeSpan? wait = header?.Delta ?? header?.Date - DateTimeOffset.UtcNow;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait; // a date already past means now
    }

    // At most MaxExcerptLength chars, plus "…" when cut; null for an empty body. Masked before cutting, so that a key
    // across the cut cannot leave its start behind.
    private static string? Excerpt(ReadOnlySpan<byte> body, string? secret)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        string text = Redact(Utf8Text.GetString(body.Slice(0, Math.Min(body.Length, MaxExcerptBytes))), secret);
        if (text.Length <= MaxExcerptLength && body.Length <= MaxExcerptBytes)
        {
            return text;
        }

        int cut = Math.Min(text.Length, MaxExcerptLength);
        return string.Concat(text.Substring(0, cut > 0 && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut), "…");
    }

    private static string Redact(string text, string? secret) =>
        secret is { Length: > 0 } && text.IndexOf(secret, StringComparison.Ordinal) >= 0 ? text.Replace(secret, "***") : text;
}
