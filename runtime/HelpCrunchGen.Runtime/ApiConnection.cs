using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunchGen.Runtime.Internal;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// The send and receive path that generated clients call: builds requests, writes JSON bodies,
/// and turns responses into values or <see cref="ApiException"/>s.
/// </summary>
/// <remarks>
/// One connection serves one client instance and is safe to use from several threads at once.
/// It never disposes the <see cref="HttpClient"/> it was given.
/// </remarks>
public sealed class ApiConnection
{
    private const string JsonMediaType = "application/json";

    // No body can be longer than an array; the stream is read to its end or to this length.
    private const int MaxSuccessBodyLength = 0x7FFFFFC7;

    private readonly HttpClient _httpClient;
    private readonly string _baseUri;              // BaseAddress, ending with '/'
    private readonly string? _authorizationValue;  // "Bearer <key>", built once
    private readonly string? _apiKey;              // kept only to mask it in error details

    // Request URIs of constant paths (string literals, hence interned), so that a call parses no URI.
    private readonly UriCacheEntry?[] _uriCache = new UriCacheEntry?[UriCacheSize];
    private const int UriCacheSize = 16; // a power of two

    /// <summary>
    /// Initializes a new instance of the <see cref="ApiConnection"/> class.
    /// </summary>
    /// <param name="httpClient">The client that sends the requests; it is not disposed by the connection.</param>
    /// <param name="options">The options; read once, here.</param>
    /// <param name="defaultBaseAddress">The server address to use when <see cref="ApiClientOptions.BaseAddress"/> is <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The base address is not absolute, does not use https (http is allowed only for loopback hosts),
    /// or contains user info, a query or a fragment; or the API key contains a control character.
    /// </exception>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string defaultBaseAddress)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (defaultBaseAddress is null)
        {
            throw new ArgumentNullException(nameof(defaultBaseAddress));
        }

        Uri baseAddress;
        if (options.BaseAddress is Uri configured)
        {
            BaseAddressValidator.ThrowIfInvalid(configured, nameof(options));
            baseAddress = configured;
        }
        else
        {
            if (!Uri.TryCreate(defaultBaseAddress, UriKind.Absolute, out Uri? parsed))
            {
                throw new ArgumentException($"The default base address '{defaultBaseAddress}' is not an absolute URI.", nameof(defaultBaseAddress));
            }

            BaseAddressValidator.ThrowIfInvalid(parsed, nameof(defaultBaseAddress));
            baseAddress = parsed;
        }

        string? apiKey = options.ApiKey;
        ApiKeyValidator.ThrowIfInvalid(apiKey, nameof(options));

        BaseAddress = baseAddress;
        string absolute = baseAddress.AbsoluteUri;
        _baseUri = absolute[absolute.Length - 1] == '/' ? absolute : absolute + "/";
        if (apiKey is { Length: > 0 })
        {
            _apiKey = apiKey;
            _authorizationValue = "Bearer " + apiKey;
        }
    }

    /// <summary>
    /// Gets the address that relative operation paths are resolved against.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Creates a request for an operation, with the <c>Authorization</c> (when an API key is set) and <c>Accept</c> headers.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">
    /// The path relative to <see cref="BaseAddress"/>, without a leading <c>/</c>, already escaped, optionally followed by a query.
    /// </param>
    /// <returns>The request; <see cref="SendAsync{T}"/> disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> or <paramref name="relativeUri"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="relativeUri"/> starts with <c>/</c>.</exception>
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUri)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        if (relativeUri is null)
        {
            throw new ArgumentNullException(nameof(relativeUri));
        }

        if (relativeUri.Length != 0 && relativeUri[0] == '/')
        {
            throw new ArgumentException("The relative URI must not start with '/'; it is resolved below the base address.", nameof(relativeUri));
        }

        var request = new HttpRequestMessage(method, GetRequestUri(relativeUri));

        // Raw values are sent as they are: no parsing now, and no formatting per request in the handler.
        HttpRequestHeaders headers = request.Headers;
        if (_authorizationValue is not null)
        {
            headers.TryAddWithoutValidation("Authorization", _authorizationValue);
        }

        headers.TryAddWithoutValidation("Accept", JsonMediaType);
        return request;
    }

    /// <summary>
    /// Sets the body of <paramref name="request"/> to <paramref name="value"/> as UTF-8 JSON
    /// (<c>application/json; charset=utf-8</c>, with a Content-Length), written into a pooled buffer.
    /// </summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="write">Writes exactly one complete JSON value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="write"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="write"/> did not write exactly one complete JSON value.</exception>
    public void SetJsonContent<T>(HttpRequestMessage request, T value, Action<Utf8JsonWriter, T> write)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var content = new PooledJsonContent();
        try
        {
            Utf8JsonWriter writer = Utf8JsonWriterCache.Rent(content);
            try
            {
                write(writer, value);
                writer.Flush();
                if (writer.BytesCommitted == 0 || writer.CurrentDepth != 0)
                {
                    throw new InvalidOperationException("The JSON writer delegate must write exactly one complete JSON value.");
                }
            }
            finally
            {
                Utf8JsonWriterCache.Return(writer);
            }
        }
        catch
        {
            content.Dispose();
            throw;
        }

        request.Content = content;
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads the response body with <paramref name="readBody"/>.
    /// </summary>
    /// <typeparam name="T">The type of the response value.</typeparam>
    /// <param name="request">The request; disposed when the call completes.</param>
    /// <param name="operationId">The operation identifier, used in exceptions.</param>
    /// <param name="successStatusCodes">The status codes that mean success for this operation.</param>
    /// <param name="readBody">Reads the response value; see <see cref="JsonValueReader{T}"/> for its contract.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The value read from the response body.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ApiException">
    /// The status code is not in <paramref name="successStatusCodes"/>, or the body is empty, truncated or not the expected JSON.
    /// </exception>
    /// <exception cref="OperationCanceledException">The call was canceled or timed out.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent or the response could not be received.</exception>
    /// <exception cref="System.IO.IOException">The connection failed while the response body was being read.</exception>
    public Task<T> SendAsync<T>(
        HttpRequestMessage request,
        string operationId,
        int[] successStatusCodes,
        JsonValueReader<T> readBody,
        CancellationToken cancellationToken)
    {
        ValidateSendArguments(request, operationId, successStatusCodes);
        if (readBody is null)
        {
            throw new ArgumentNullException(nameof(readBody));
        }

        return SendCoreAsync(request, operationId, successStatusCodes, readBody, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> for an operation whose response has no body of interest.
    /// </summary>
    /// <param name="request">The request; disposed when the call completes.</param>
    /// <param name="operationId">The operation identifier, used in exceptions.</param>
    /// <param name="successStatusCodes">The status codes that mean success for this operation.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>A task that completes when the response has been received.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ApiException">The status code is not in <paramref name="successStatusCodes"/>.</exception>
    /// <exception cref="OperationCanceledException">The call was canceled or timed out.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent or the response could not be received.</exception>
    /// <exception cref="System.IO.IOException">The connection failed while the response body was being read.</exception>
    public Task SendAsync(HttpRequestMessage request, string operationId, int[] successStatusCodes, CancellationToken cancellationToken)
    {
        ValidateSendArguments(request, operationId, successStatusCodes);
        return SendCoreAsync(request, operationId, successStatusCodes, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the response body as UTF-8 text, whatever its Content-Type
    /// (servers that answer <c>Ok</c> often label it <c>application/json</c>).
    /// </summary>
    /// <param name="request">The request; disposed when the call completes.</param>
    /// <param name="operationId">The operation identifier, used in exceptions.</param>
    /// <param name="successStatusCodes">The status codes that mean success for this operation.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The body as text, without a byte order mark; empty for an empty body.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ApiException">The status code is not in <paramref name="successStatusCodes"/>, or the body is not valid UTF-8.</exception>
    /// <exception cref="OperationCanceledException">The call was canceled or timed out.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent or the response could not be received.</exception>
    /// <exception cref="System.IO.IOException">The connection failed while the response body was being read.</exception>
    public Task<string> SendTextAsync(HttpRequestMessage request, string operationId, int[] successStatusCodes, CancellationToken cancellationToken)
    {
        ValidateSendArguments(request, operationId, successStatusCodes);
        return SendTextCoreAsync(request, operationId, successStatusCodes, cancellationToken);
    }

    /// <summary>Turns a success body into the result; static lambdas with a state argument, so no call allocates one.</summary>
    private delegate T BodyDecoder<T, TState>(ApiConnection connection, ReadOnlySpan<byte> body, HttpStatusCode statusCode, string operationId, TState state);

    private static readonly BodyDecoder<string, object?> s_decodeText = static (connection, body, statusCode, operationId, _) =>
    {
        try
        {
            return Utf8Text.GetStringStrict(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw ApiExceptionFactory.FromUnreadableBody(statusCode, operationId, body, connection._apiKey, ex);
        }
    };

    private Task<string> SendTextCoreAsync(HttpRequestMessage request, string operationId, int[] successStatusCodes, CancellationToken cancellationToken) =>
        SendCoreAsync(request, operationId, successStatusCodes, (object?)null, s_decodeText, cancellationToken);

    private Task<T> SendCoreAsync<T>(HttpRequestMessage request, string operationId, int[] successStatusCodes, JsonValueReader<T> readBody, CancellationToken cancellationToken) =>
        SendCoreAsync(
            request,
            operationId,
            successStatusCodes,
            readBody,
            static (connection, body, statusCode, id, reader) => connection.ReadValue(body, statusCode, id, reader),
            cancellationToken);

    private async Task<T> SendCoreAsync<T, TState>(
        HttpRequestMessage request,
        string operationId,
        int[] successStatusCodes,
        TState state,
        BodyDecoder<T, TState> decode,
        CancellationToken cancellationToken)
    {
        using (request)
        using (HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            if (!IsSuccess(response.StatusCode, successStatusCodes))
            {
                throw await ApiExceptionFactory.FromErrorResponseAsync(response, operationId, _apiKey, cancellationToken).ConfigureAwait(false);
            }

            ResponseBody body = await ResponseBody.ReadAsync(response.Content, MaxSuccessBodyLength, cancellationToken).ConfigureAwait(false);
            try
            {
                return decode(this, body.Span, response.StatusCode, operationId, state);
            }
            finally
            {
                body.Dispose();
            }
        }
    }

    private async Task SendCoreAsync(
        HttpRequestMessage request,
        string operationId,
        int[] successStatusCodes,
        CancellationToken cancellationToken)
    {
        using (request)
        using (HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            if (!IsSuccess(response.StatusCode, successStatusCodes))
            {
                throw await ApiExceptionFactory.FromErrorResponseAsync(response, operationId, _apiKey, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private T ReadValue<T>(ReadOnlySpan<byte> body, HttpStatusCode statusCode, string operationId, JsonValueReader<T> readBody)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            // For an empty body Read throws, as it does for any other input that is not JSON.
            reader.Read();
            T value = readBody(ref reader);

            // Throws for trailing content; returns true if readBody stopped inside the value.
            if (reader.Read())
            {
                throw new JsonException("The response value was not read to its end.");
            }

            return value;
        }
        catch (Exception ex) when (JsonRead.IsReadFailure(ex))
        {
            // Utf8JsonReader reports a token of the wrong type (e.g. GetString on a number) with InvalidOperationException,
            // an unparsable value (e.g. GetGuid) with FormatException, and a value that fits no .NET type (a date past
            // DateTimeOffset.MaxValue) can surface as an ArgumentException: all mean the body is not what was expected.
            throw ApiExceptionFactory.FromUnreadableBody(statusCode, operationId, body, _apiKey, ex);
        }
    }

    /// <summary>
    /// The absolute URI for <paramref name="relativeUri"/>. Constant paths (the literals generated clients pass) are
    /// parsed once and the <see cref="Uri"/>, which is immutable, is shared by their requests. A string built per call
    /// (path parameters, a query) is not interned, so it is never cached: the cache cannot grow or fill with one-off paths.
    /// </summary>
    private Uri GetRequestUri(string relativeUri)
    {
        int slot = RuntimeHelpers.GetHashCode(relativeUri) & (UriCacheSize - 1);
        UriCacheEntry? entry = Volatile.Read(ref _uriCache[slot]);
        if (entry is not null && ReferenceEquals(entry.RelativeUri, relativeUri))
        {
            return entry.Uri;
        }

        var uri = new Uri(_baseUri + relativeUri, UriKind.Absolute);
        if (ReferenceEquals(string.IsInterned(relativeUri), relativeUri))
        {
            // Entries are immutable and replaced whole, so a reader never sees a key with another key's URI.
            Volatile.Write(ref _uriCache[slot], new UriCacheEntry(relativeUri, uri));
        }

        return uri;
    }

    private static bool IsSuccess(HttpStatusCode statusCode, int[] successStatusCodes) =>
        Array.IndexOf(successStatusCodes, (int)statusCode) >= 0;

    private static void ValidateSendArguments(HttpRequestMessage request, string operationId, int[] successStatusCodes)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (operationId is null)
        {
            throw new ArgumentNullException(nameof(operationId));
        }

        if (successStatusCodes is null)
        {
            throw new ArgumentNullException(nameof(successStatusCodes));
        }
    }

    private sealed class UriCacheEntry(string relativeUri, Uri uri)
    {
        public string RelativeUri { get; } = relativeUri;

        public Uri Uri { get; } = uri;
    }
}
