using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HelpCrunch.Emulator.Middleware;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;key&gt;</c> on API endpoints; a missing, malformed or wrong key
/// gets 401 <c>invalid_token</c>. The accepted key is stored in <see cref="HttpContext.Items"/> for the
/// rate limiter, which counts per key.
/// </summary>
internal sealed class ApiKeyMiddleware
{
    /// <summary><see cref="HttpContext.Items"/> key under which the authenticated API key is stored.</summary>
    public const string ApiKeyItem = "HelpCrunch.Emulator.ApiKey";

    private const string BearerPrefix = "Bearer ";
    private readonly string _apiKey;

    public ApiKeyMiddleware(string apiKey)
    {
        _apiKey = apiKey;
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointMetadata>() is null)
        {
            return next(context);
        }

        var values = context.Request.Headers[HeaderNames.Authorization];
        // Exactly one header, scheme "Bearer" (case-insensitive as in RFC 7235), then the raw key.
        // The docs insist on the raw key with no extra symbols, so "<key>" or padded keys are rejected.
        if (values.Count == 1
            && values[0] is { } header
            && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header.Substring(BearerPrefix.Length), _apiKey, StringComparison.Ordinal))
        {
            context.Items[ApiKeyItem] = _apiKey;
            return next(context);
        }

        return Errors.WriteAsync(context, Errors.InvalidToken);
    }
}
