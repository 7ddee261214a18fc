using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HelpCrunchGen.Benchmarks.HandWritten;

/// <summary>
/// The baseline: the call as it is typically written by hand with HttpClient, its JSON extensions and an STJ
/// source-generated context. Authorization and Accept are default headers of the HttpClient.
/// </summary>
public sealed class TypicalClient(HttpClient httpClient)
{
    public async Task<Chat> UpdateChatAssigneeAsync(UpdateChatAssigneeRequest body, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await httpClient.PutAsJsonAsync("chats/assignee", body, HandJsonContext.Default.UpdateChatAssigneeRequest, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandJsonContext.Default.Chat, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The response body was null.");
    }
}

/// <summary>
/// The lean floor: the same call hand-written for speed. The request JSON is written with a cached
/// <see cref="Utf8JsonWriter"/> into a reused buffer, the response is awaited with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> and read with the source-generated context straight from the stream.
/// </summary>
public sealed class LeanClient
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_assignee = JsonEncodedText.Encode("assignee");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly HttpClient _httpClient;
    private readonly Uri _uri;

    public LeanClient(HttpClient httpClient)
    {
        _httpClient = httpClient;
        _uri = new Uri(httpClient.BaseAddress!, "chats/assignee");
    }

    public async Task<Chat> UpdateChatAssigneeAsync(UpdateChatAssigneeRequest body, CancellationToken cancellationToken = default)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteNumber(s_id, body.Id);
        if (body.Assignee is { } assignee)
        {
            writer.WriteNumber(s_assignee, assignee);
        }
        else
        {
            writer.WriteNull(s_assignee);
        }

        writer.WriteEndObject();
        writer.Flush();

        // The bytes are copied once, because the thread-static buffer is reused by the next call on this thread.
        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = s_json;
        using var request = new HttpRequestMessage(HttpMethod.Put, _uri) { Content = content };
        using HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, HandJsonContext.Default.Chat, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The response body was null.");
        }
    }
}
