using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>
/// One span per call, with the OpenTelemetry HTTP client attributes. Sources live as long as the process (they are
/// registered globally), so there is one per name however many client instances a typed-client factory creates.
/// </summary>
internal static class ApiTracing
{
    private static readonly ConcurrentDictionary<string, ActivitySource> s_sources = new(StringComparer.Ordinal);

    public static ActivitySource Source(string name) => s_sources.GetOrAdd(name, static n => new ActivitySource(n));

    /// <summary>Starts the call's span, or returns null when nobody listens (the common case costs one check).</summary>
    public static Activity? Start(ActivitySource source, string operationId, HttpRequestMessage request)
    {
        Activity? activity = source.StartActivity(operationId, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true } && request.RequestUri is { } uri)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
            activity.SetTag("url.full", uri.AbsoluteUri); // the key travels in a header, never in the URI
            activity.SetTag("api.operation.id", operationId);
        }

        return activity;
    }

    public static void Succeeded(Activity? activity, int statusCode) => activity?.SetTag("http.response.status_code", statusCode);

    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        if (exception is ApiException api)
        {
            activity.SetTag("http.response.status_code", (int)api.StatusCode);
            activity.SetTag("error.type", ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (api.Errors.Count > 0)
            {
                activity.SetTag("api.error.code", api.Errors[0].Code);
            }
        }
        else
        {
            activity.SetTag("error.type", exception.GetType().FullName);
        }

        activity.SetStatus(ActivityStatusCode.Error);
    }
}
