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
    private static readonly JsonReaderOptions s_options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Returns the entries read from <paramref name="body"/>, in order. <paramref name="failure"/> is the exception
    /// that stopped reading a body that looked like a JSON object, and <see langword="null"/> otherwise
    /// (including bodies such as HTML or plain text, which are not JSON-shaped at all).
    /// </summary>
    public static List<ApiError> Read(ReadOnlySpan<byte> body, out Exception? failure)
    {
        failure = null;
        var errors = new List<ApiError>();
        if (!StartsWithObject(body))
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
                    ReadEntries(ref reader, errors);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: GetString on a string that is not valid UTF-8.
            failure = ex;
        }

        return errors;
    }

    private static void ReadEntries(ref Utf8JsonReader reader, List<ApiError> errors)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string? code = null;
            string? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("code"u8))
                {
                    reader.Read();
                    code = ReadScalar(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = ReadScalar(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            errors.Add(new ApiError(code ?? string.Empty, message ?? string.Empty));
        }
    }

    private static string? ReadScalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Utf8Text.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    private static bool StartsWithObject(ReadOnlySpan<byte> body)
    {
        foreach (byte b in body)
        {
            switch (b)
            {
                case (byte)' ':
                case (byte)'\t':
                case (byte)'\r':
                case (byte)'\n':
                    continue;
                default:
                    return b == (byte)'{';
            }
        }

        return false;
    }
}
