using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
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
    private const int MaxSuccessBodyLength = 0x7FFFFFC7; // Array.MaxLength, which netstandard2.0 lacks
    private const int MaxCachedUris = 1024; // a client has one constant path per operation at most; the bound only guards misuse

    private readonly HttpClient _httpClient;
    private readonly string _baseUri; // ends with '/'
    private readonly string? _authorization;
    private readonly string? _apiKey; // kept only to mask it in error details
    private readonly ActivitySource _activitySource;

    // 7 % fewer bytes per call (seed PUT: 2,240 B vs 2,408 with new Uri(base + path), 2,640 with BaseAddress); bench/README.md, "Runtime pieces".
    private readonly ConcurrentDictionary<string, Uri> _constantUris = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="ApiConnection"/> class, tracing as <c>HelpCrunchGen</c>.</summary>
    /// <inheritdoc cref="ApiConnection(HttpClient, ApiClientOptions, string, string)"/>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string defaultBaseAddress)
        : this(httpClient, options, defaultBaseAddress, "HelpCrunchGen")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ApiConnection"/> class.</summary>
    /// <param name="httpClient">The client that sends the requests; it is not disposed by the connection.</param>
    /// <param name="options">The options; read once, here.</param>
    /// <param name="defaultBaseAddress">
    /// The server address to use when neither <see cref="ApiClientOptions.BaseAddress"/> nor <see cref="HttpClient.BaseAddress"/> is set.
    /// </param>
    /// <param name="activitySourceName">The name of the <see cref="ActivitySource"/> that traces each call (the client's full name).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The base address is not absolute, does not use https (http is allowed only for loopback hosts),
    /// or contains user info, a query or a fragment.
    /// </exception>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string defaultBaseAddress, string activitySourceName)
    {
        _httpClient = Guard.NotNull(httpClient, nameof(httpClient));
        Guard.NotNull(options, nameof(options));
        Guard.NotNull(defaultBaseAddress, nameof(defaultBaseAddress));
        _activitySource = ApiTracing.Source(Guard.NotNull(activitySourceName, nameof(activitySourceName)));

        // The options win; then the HttpClient's own address (IHttpClientFactory users set it there); then the spec's server.
        Uri baseAddress = options.BaseAddress
            ?? httpClient.BaseAddress
            ?? (Uri.TryCreate(defaultBaseAddress, UriKind.Absolute, out Uri? parsed) ? parsed
                : throw new ArgumentException($"The default base address '{defaultBaseAddress}' is not an absolute URI.", nameof(defaultBaseAddress)));
        ThrowIfUnsafe(baseAddress, options.BaseAddress is not null ? nameof(options) : httpClient.BaseAddress is not null ? nameof(httpClient) : nameof(defaultBaseAddress));

        BaseAddress = baseAddress;
        _baseUri = baseAddress.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseAddress.AbsoluteUri : baseAddress.AbsoluteUri + "/";
        if (options.ApiKey is { Length: > 0 } apiKey)
        {
            _apiKey = apiKey;
            _authorization = "Bearer " + apiKey;
        }
    }

    /// <summary>Gets the address that relative operation paths are resolved against.</summary>
    public Uri BaseAddress { get; }

    /// <summary>For generated clients: a request to <paramref name="relativeUri"/> (escaped, no leading <c>/</c>) with the Authorization and Accept headers.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUri) => CreateRequest(method, relativeUri, constantPath: false);

    /// <summary>
    /// For generated clients: a request to <paramref name="relativeUri"/> (escaped, no leading <c>/</c>) with the Authorization and Accept headers.
    /// When <paramref name="constantPath"/> is true (a path with no parameters in it) its <see cref="Uri"/> is parsed once per connection and shared.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUri, bool constantPath)
    {
        Guard.NotNull(method, nameof(method));
        if (Guard.NotNull(relativeUri, nameof(relativeUri)).StartsWith("/", StringComparison.Ordinal))
        {
            throw new ArgumentException("The relative URI must not start with '/'; it is resolved below the base address.", nameof(relativeUri));
        }

        var request = new ApiRequestMessage(method, constantPath ? GetConstantUri(relativeUri) : new Uri(_baseUri + relativeUri, UriKind.Absolute));

        // Raw values: 10 % fewer bytes per call (seed PUT: 2,240 B vs 2,504 with typed headers); bench/README.md, "Runtime pieces".
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    /// <summary>For generated clients: sets the request body to <paramref name="value"/> as UTF-8 JSON, with a Content-Length.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void SetJsonContent<T>(HttpRequestMessage request, T value, Action<Utf8JsonWriter, T> write)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNull(write, nameof(write));
        request.Content = JsonBody.Create(value, write);
    }

    /// <summary>
    /// For generated clients: sends <paramref name="request"/> (then disposes it) and reads the body with <paramref name="readBody"/>.
    /// Throws <see cref="ApiException"/> for a status not in <paramref name="successStatusCodes"/> or a body that is not the expected JSON.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T> SendAsync<T>(HttpRequestMessage request, string operationId, int[] successStatusCodes, JsonValueReader<T> readBody, CancellationToken cancellationToken) =>
        SendCoreAsync(request, operationId, successStatusCodes, Guard.NotNull(readBody, nameof(readBody)), readsText: false, cancellationToken);

    /// <summary>For generated clients: sends <paramref name="request"/> (then disposes it) for a response without a body of interest.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task SendAsync(HttpRequestMessage request, string operationId, int[] successStatusCodes, CancellationToken cancellationToken) =>
        SendCoreAsync<object?>(request, operationId, successStatusCodes, readBody: null, readsText: false, cancellationToken);

    /// <summary>For generated clients: sends <paramref name="request"/> (then disposes it) and returns the body as UTF-8 text, whatever its Content-Type.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<string> SendTextAsync(HttpRequestMessage request, string operationId, int[] successStatusCodes, CancellationToken cancellationToken) =>
        SendCoreAsync<string>(request, operationId, successStatusCodes, readBody: null, readsText: true, cancellationToken);

    private Task<T> SendCoreAsync<T>(
        HttpRequestMessage request, string operationId, int[] successStatusCodes, JsonValueReader<T>? readBody, bool readsText, CancellationToken cancellationToken)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNull(operationId, nameof(operationId));
        Guard.NotNull(successStatusCodes, nameof(successStatusCodes));
        return SendCheckedAsync(request, operationId, successStatusCodes, readBody, readsText, cancellationToken);
    }

    private async Task<T> SendCheckedAsync<T>(
        HttpRequestMessage request, string operationId, int[] successStatusCodes, JsonValueReader<T>? readBody, bool readsText, CancellationToken cancellationToken)
    {
        if (request is ApiRequestMessage apiRequest)
        {
            apiRequest.OperationId = operationId;
        }

        using Activity? activity = ApiTracing.Start(_activitySource, operationId, request);
        try
        {
            using (request)
            using (HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                if (Array.IndexOf(successStatusCodes, (int)response.StatusCode) < 0)
                {
                    throw await ApiExceptionFactory.FromErrorResponseAsync(response, operationId, _apiKey, cancellationToken).ConfigureAwait(false);
                }

                ApiTracing.Succeeded(activity, (int)response.StatusCode);
                if (readBody is null && !readsText)
                {
                    return default!;
                }

                ResponseBody body = await ResponseBody.ReadAsync(response.Content, MaxSuccessBodyLength, cancellationToken).ConfigureAwait(false);
                try
                {
                    return readBody is null
                        ? (T)(object)DecodeText(body.Span, response.StatusCode, operationId)
                        : ReadValue(body.Span, response.StatusCode, operationId, readBody);
                }
                finally
                {
                    body.Dispose();
                }
            }
        }
        catch (Exception ex) when (activity is not null)
        {
            ApiTracing.Failed(activity, ex);
            throw;
        }
    }

    private string DecodeText(ReadOnlySpan<byte> body, HttpStatusCode statusCode, string operationId)
    {
        try
        {
            return Utf8Text.GetString(body, strict: true);
        }
        catch (DecoderFallbackException ex)
        {
            throw ApiExceptionFactory.FromUnreadableBody(statusCode, operationId, body, _apiKey, ex);
        }
    }

    private T ReadValue<T>(ReadOnlySpan<byte> body, HttpStatusCode statusCode, string operationId, JsonValueReader<T> readBody)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            reader.Read(); // throws for an empty body, as for anything else that is not JSON
            T value = readBody(ref reader);
            if (reader.Read()) // throws for trailing content; true if readBody stopped inside the value
            {
                throw new JsonException("The response value was not read to its end.");
            }

            return value;
        }
        catch (Exception ex) when (JsonRead.IsReadFailure(ex))
        {
            // Besides JsonException: a token of the wrong type (InvalidOperationException), an unparsable value (FormatException),
            // a value no .NET type holds (ArgumentException); all mean the body is not what was expected.
            throw ApiExceptionFactory.FromUnreadableBody(statusCode, operationId, body, _apiKey, ex);
        }
    }

    // A Uri is immutable, so one per constant path serves every call and thread.
    private Uri GetConstantUri(string relativeUri)
    {
        if (_constantUris.TryGetValue(relativeUri, out Uri? cached))
        {
            return cached;
        }

        var uri = new Uri(_baseUri + relativeUri, UriKind.Absolute);
        if (_constantUris.Count < MaxCachedUris)
        {
            _constantUris.TryAdd(relativeUri, uri);
        }

        return uri;
    }

    // The API key goes to this address: https only (http for loopback hosts), and no user info, query or fragment.
    private static void ThrowIfUnsafe(Uri address, string paramName)
    {
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address '{address}' must be an absolute URI.", paramName);
        }

        if (address.UserInfo.Length != 0) // the address is left out of the message: user info may hold a password
        {
            throw new ArgumentException("The base address must not contain user info; set the API key instead.", paramName);
        }

        bool loopback = address.HostNameType == UriHostNameType.Dns
            ? string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            : IPAddress.TryParse(address.DnsSafeHost, out IPAddress? ip) && IPAddress.IsLoopback(ip);
        if (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && loopback))
        {
            throw new ArgumentException(
                $"The base address '{address}' must use https; http is allowed only for loopback hosts (localhost, 127.0.0.0/8, [::1]).", paramName);
        }

        if (address.Query.Length != 0 || address.Fragment.Length != 0)
        {
            throw new ArgumentException($"The base address '{address}' must not contain a query or fragment.", paramName);
        }
    }
}
