using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace HelpCrunchGen.Benchmarks.Floor;

/// <summary>How the floor turns the buffered response body into models.</summary>
public enum FloorJson
{
    /// <summary>STJ source-generated context, mutable classes, default (exact-case) options.</summary>
    SourceGenerated,

    /// <summary>The hand-written <see cref="FloorReader"/>.</summary>
    HandReader,
}

/// <summary>
/// The floor: the calls as the best hand-writer writes them. Authorization and Accept are added raw per request
/// (no validation, no clone of typed default headers); the request body is formatted into a pooled array; the
/// response is read into a pooled buffer (sized by Content-Length when there is one) and parsed synchronously.
/// </summary>
public sealed class FloorClient(HttpClient httpClient, string apiKey, FloorJson json)
{
    private delegate T BodyReader<T>(ReadOnlySpan<byte> utf8);

    private static readonly BodyReader<Chat> s_stjChat = utf8 => JsonSerializer.Deserialize(utf8, FloorJsonContext.Default.Chat)!;
    private static readonly BodyReader<ListChatsResponse> s_stjList = utf8 => JsonSerializer.Deserialize(utf8, FloorJsonContext.Default.ListChatsResponse)!;
    private static readonly BodyReader<Chat> s_handChat = FloorReader.ReadChat;
    private static readonly BodyReader<ListChatsResponse> s_handList = FloorReader.ReadListChats;

    private readonly string _authorization = "Bearer " + apiKey;
    private readonly Uri _assigneeUri = new(httpClient.BaseAddress!, "chats/assignee");
    private readonly Uri _chatsUri = new(httpClient.BaseAddress!, "chats");

    public Task<Chat> UpdateChatAssigneeAsync(long id, long? assignee, CancellationToken cancellationToken = default)
    {
        byte[] body = ArrayPool<byte>.Shared.Rent(64);
        int length = FormatAssignee(body, id, assignee);
        var request = new HttpRequestMessage(HttpMethod.Put, _assigneeUri) { Content = new PooledJsonContent(body, length) };
        return SendAsync(request, json == FloorJson.HandReader ? s_handChat : s_stjChat, cancellationToken);
    }

    public Task<ListChatsResponse> ListChatsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, _chatsUri), json == FloorJson.HandReader ? s_handList : s_stjList, cancellationToken);

    // {"id":<id>,"assignee":<assignee|null>} — two numbers need no JSON writer.
    private static int FormatAssignee(Span<byte> buffer, long id, long? assignee)
    {
        int n = Append(buffer, 0, "{\"id\":"u8);
        Utf8Formatter.TryFormat(id, buffer[n..], out int written);
        n = Append(buffer, n + written, ",\"assignee\":"u8);
        if (assignee is { } value)
        {
            Utf8Formatter.TryFormat(value, buffer[n..], out written);
            n += written;
        }
        else
        {
            n = Append(buffer, n, "null"u8);
        }

        return Append(buffer, n, "}"u8);
    }

    private static int Append(Span<byte> buffer, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer[at..]);
        return at + text.Length;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, BodyReader<T> parse, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"HelpCrunch answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            long? contentLength = response.Content.Headers.ContentLength;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 and < int.MaxValue ? (int)contentLength.Value + 1 : 16 * 1024);
            try
            {
                Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                int count = 0;
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    count += read;
                }

                return parse(buffer.AsSpan(0, count));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>A request body in a pooled array, given back when the request is disposed.</summary>
    private sealed class PooledJsonContent : ByteArrayContent
    {
        private byte[]? _rented;

        public PooledJsonContent(byte[] rented, int length)
            : base(rented, 0, length)
        {
            _rented = rented;
            Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _rented, null) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            base.Dispose(disposing);
        }
    }
}
