using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HelpCrunchGen.Extensions;

/// <summary>Creates an <see cref="HttpClient"/> with the default resilience handler, for clients made without dependency injection.</summary>
public static class ApiHttpClient
{
    /// <summary>
    /// Creates an <see cref="HttpClient"/> whose requests go through the same resilience handler as
    /// <see cref="ApiResilienceHttpClientBuilderExtensions.AddApiResilienceHandler"/>:
    /// <c>new HelpCrunchClient(ApiHttpClient.CreateResilient(), options)</c>. Create one and keep it for the app's
    /// lifetime. Rate limiters are shared, per API key, by every client this method creates in the process.
    /// </summary>
    /// <param name="configure">Changes the settings; <see langword="null"/> for the defaults.</param>
    /// <param name="primaryHandler">
    /// The handler that sends the requests; <see langword="null"/> for a <see cref="SocketsHttpHandler"/> that renews
    /// connections every 2 minutes (so DNS changes are seen). Disposed with the returned client.
    /// </param>
    /// <returns>The client; its <see cref="HttpClient.Timeout"/> (100 s) bounds a whole call, retries and waits included.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static HttpClient CreateResilient(Action<ApiResilienceOptions>? configure = null, HttpMessageHandler? primaryHandler = null)
    {
        var options = new ApiResilienceOptions();
        configure?.Invoke(options);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        ApiResiliencePipeline.Configure(pipeline, options, ApiRateLimiters.Shared);

        var handler = new ResilienceHandler(pipeline.Build())
        {
            InnerHandler = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
        };
        return new HttpClient(handler);
    }
}
