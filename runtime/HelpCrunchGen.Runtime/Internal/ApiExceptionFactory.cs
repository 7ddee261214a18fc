using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Builds the <see cref="ApiException"/> for a failed call, keeping the API key out of every detail.</summary>
internal static class ApiExceptionFactory
{
    // Error bodies are small; the cap only guards against a proxy sending something huge.
    private const int MaxErrorBodyLength = 1024 * 1024;

    /// <summary>Reads the body of a response whose status code is not a success for the operation.</summary>
    public static async Task<ApiException> FromErrorResponseAsync(
        HttpResponseMessage response, string operationId, string? secret, CancellationToken cancellationToken)
    {
        ResponseBody body = await ResponseBody.ReadAsync(response.Content, MaxErrorBodyLength, cancellationToken).ConfigureAwait(false);
        try
        {
            List<ApiError> errors = ErrorEnvelopeReader.Read(body.Span, out Exception? failure);
            if (secret is { Length: > 0 })
            {
                for (int i = 0; i < errors.Count; i++)
                {
                    errors[i] = new ApiError(SecretRedactor.Redact(errors[i].Code, secret), SecretRedactor.Redact(errors[i].Message, secret));
                }
            }

            return new ApiException(
                operationId,
                response.StatusCode,
                errors,
                GetRetryAfter(response.Headers),
                ResponseBodyExcerpt.Create(body.Span, secret),
                failure);
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>Reports a success response whose body could not be read as the expected JSON.</summary>
    public static ApiException FromUnreadableBody(
        HttpStatusCode statusCode, string operationId, ReadOnlySpan<byte> body, string? secret, Exception failure) =>
        new(operationId, statusCode, Array.Empty<ApiError>(), retryAfter: null, ResponseBodyExcerpt.Create(body, secret), failure);

    private static TimeSpan? GetRetryAfter(HttpResponseHeaders headers)
    {
        RetryConditionHeaderValue? retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
