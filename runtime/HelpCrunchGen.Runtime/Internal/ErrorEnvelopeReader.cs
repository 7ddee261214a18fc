using System;
using System.Collections.Generic;
using System.Text.Json;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>
/// Reads the error envelope <c>{"errors":[{"code":"…","message":"…"}]}</c> tolerantly:
/// unknown properties are skipped, a missing code or message becomes empty, and anything else yields no entries.
/// </summary>
internal static class ErrorEnvelopeReader
{
    private static readonly JsonReaderOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The entries of <paramref name="body"/>, in order. <paramref name="failure"/> is what stopped reading a body that
    /// starts like a JSON object; <see langword="null"/> otherwise, also for bodies that are not JSON at all (HTML, text).
    /// </summary>
    public static List<ApiError> Read(ReadOnlySpan<byte> body, out Exception? failure)
    {
        failure = null;
        var errors = new List<ApiError>();
        int start = 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == body.Length || body[start] != (byte)'{')
        {
            return errors;
        }

        var reader = new Utf8JsonReader(body, s_options);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isErrors = reader.ValueTextEquals("errors"u8);
                reader.Read();
                if (isErrors && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            errors.Add(ReadEntry(ref reader));
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException) // the latter: a string that is not valid UTF-8
        {
            failure = ex;
        }

        return errors;
    }

    private static ApiError ReadEntry(ref Utf8JsonReader reader)
    {
        string? code = null;
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCode = reader.ValueTextEquals("code"u8);
            bool isMessage = !isCode && reader.ValueTextEquals("message"u8);
            reader.Read();
            string? scalar = isCode || isMessage ? ReadScalar(ref reader) : Skip(ref reader);
            if (isCode)
            {
                code = scalar;
            }
            else if (isMessage)
            {
                message = scalar;
            }
        }

        return new ApiError(code ?? string.Empty, message ?? string.Empty);
    }

    private static string? ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Utf8Text.GetString(reader.ValueSpan),
        _ => Skip(ref reader),
    };

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
