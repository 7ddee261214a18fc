using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Wire;

/// <summary>
/// Sends a JSON body produced by a <see cref="Utf8JsonWriter"/> callback. The body is buffered first
/// so the response carries a Content-Length (no chunking) and a half-written body can never go out.
/// </summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json";

    /// <summary>Non-ASCII text ("García") and quotes go out as themselves, not as \u escapes: this is an API, not HTML.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writeBody(writer);
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }
}
