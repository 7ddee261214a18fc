using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HelpCrunch.Api;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Benchmarks.RuntimePieces;

/// <summary>
/// A copy of the generated client's send path (CreateRequest, SetJsonContent, SendAsync) for the two benchmarked
/// operations, with each runtime piece either as the runtime has it or replaced by the plain alternative.
/// </summary>
internal sealed class PieceClient
{
    private static readonly JsonSerializerOptions s_options = new() { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
    private static readonly JsonTypeInfo<UpdateChatAssigneeRequest> s_requestInfo =
        JsonMetadataServices.CreateValueInfo<UpdateChatAssigneeRequest>(s_options, new UpdateChatAssigneeRequestJsonConverter());
    private static readonly JsonTypeInfo<Chat> s_chatInfo = JsonMetadataServices.CreateValueInfo<Chat>(s_options, new ChatJsonConverter());
    private static readonly JsonTypeInfo<ListChatsResponse> s_listInfo =
        JsonMetadataServices.CreateValueInfo<ListChatsResponse>(s_options, new ListChatsResponseJsonConverter());

    private readonly HttpClient _http;
    private readonly Variant _variant;
    private readonly string _baseUri;
    private readonly string _authorization;
    private readonly string _apiKey;
    private readonly UriCache _uris;

    public PieceClient(HttpClient http, Variant variant, string baseUri, string apiKey)
    {
        _http = http;
        _variant = variant;
        _baseUri = baseUri;
        _apiKey = apiKey;
        _authorization = "Bearer " + apiKey;
        _uris = new UriCache(baseUri);
    }

    public async Task<Chat> UpdateChatAssigneeAsync(UpdateChatAssigneeRequest body, CancellationToken cancellationToken = default)
    {
        string uri = "chats/assignee";
        using HttpRequestMessage request = CreateRequest(HttpMethod.Put, uri);
        SetJsonContent(request, body, UpdateChatAssigneeRequestJsonConverter.WriteValue, s_requestInfo);
        return await SendAsync(request, ChatJsonConverter.ReadValue, s_chatInfo, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListChatsResponse> ListChatsAsync(CancellationToken cancellationToken = default)
    {
        string uri = "chats";
        using HttpRequestMessage request = CreateRequest(HttpMethod.Get, uri);
        return await SendAsync(request, ListChatsResponseJsonConverter.ReadValue, s_listInfo, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string relativeUri)
    {
        Uri uri = _variant.Uri switch
        {
            UriWay.Cached => _uris.Get(relativeUri),
            UriWay.Concat => new Uri(_baseUri + relativeUri, UriKind.Absolute),
            _ => new Uri(relativeUri, UriKind.Relative), // HttpClient.BaseAddress resolves it
        };
        var request = new HttpRequestMessage(method, uri);
        if (_variant.RawHeaders)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return request;
    }

    private void SetJsonContent<T>(HttpRequestMessage request, T value, Action<Utf8JsonWriter, T> write, JsonTypeInfo<T> typeInfo)
    {
        switch (_variant.Body)
        {
            case BodyWay.JsonContentCreate:
                request.Content = JsonContent.Create(value, typeInfo);
                return;
            case BodyWay.Scratch:
                request.Content = ScratchBody.Create(value, write);
                return;
            case BodyWay.MemoryStream:
                var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream))
                {
                    write(writer, value);
                }

                var bytes = new ByteArrayContent(stream.GetBuffer(), 0, (int)stream.Length);
                bytes.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
                request.Content = bytes;
                return;
        }

        var content = new PooledContent();
        Utf8JsonWriter pooledWriter = WriterCache.Rent(content);
        write(pooledWriter, value);
        pooledWriter.Flush();
        WriterCache.Return(pooledWriter);
        request.Content = content;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonValueReader<T> read, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(response.StatusCode.ToString());
        }

        HttpContent content = response.Content;
        switch (_variant.Read)
        {
            case ReadWay.LoadIntoBuffer:
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                byte[] bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return Parse(bytes, read);
            case ReadWay.ReadAsStream:
                using (Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
                {
                    var copy = new MemoryStream((int)(content.Headers.ContentLength ?? 0));
                    await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                    return Parse(copy.GetBuffer().AsSpan(0, (int)copy.Length), read);
                }

            case ReadWay.ReadFromJson:
                return (await content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false))!;
        }

        (byte[]? buffer, int length) = await PooledBody.ReadAsync(content, cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(buffer.AsSpan(0, length), read);
        }
        finally
        {
            if (buffer is not null)
            {
                PooledContent.Return(buffer, length);
            }
        }
    }

    private static T Parse<T>(ReadOnlySpan<byte> body, JsonValueReader<T> read)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body.Slice(3);
        }

        var reader = new Utf8JsonReader(body);
        reader.Read();
        T value = read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("The response value was not read to its end.");
        }

        return value;
    }
}
