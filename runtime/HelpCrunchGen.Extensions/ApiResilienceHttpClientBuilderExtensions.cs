using System;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpCrunchGen.Extensions;

/// <summary>Adds the default resilience handler of generated clients to an <see cref="IHttpClientBuilder"/>.</summary>
public static class ApiResilienceHttpClientBuilderExtensions
{
    /// <summary>The name of the resilience pipeline this handler adds.</summary>
    public const string PipelineName = "HelpCrunchGen";

    /// <summary>
    /// Adds the default resilience handler: any method is retried after 429 (documented as "not processed"), idempotent
    /// ones also after 408, 500, 502, 503, 504, a failed connection or an attempt timeout; <c>Retry-After</c> (seconds or
    /// HTTP date) is honoured within a total delay budget; optionally a client-side rate limiter. Settings are the
    /// <see cref="ApiResilienceOptions"/> named after the client (<see cref="ConfigureApiResilience"/>).
    /// <see cref="System.Net.Http.HttpClient.Timeout"/> (100 s unless you change it) still bounds the whole call, waits included.
    /// The generated <c>Add&lt;ClientName&gt;</c> methods call it; to use another strategy instead, turn it off and add yours:
    /// <c>.ConfigureApiResilience(o => o.Enabled = false).AddStandardResilienceHandler()</c>.
    /// </summary>
    /// <param name="builder">The HTTP client builder.</param>
    /// <param name="configure">Changes the settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddApiResilienceHandler(this IHttpClientBuilder builder, Action<ApiResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.ConfigureApiResilience(configure);
        }

        string name = builder.Name;
        builder.Services.TryAddSingleton<ApiRateLimiters>();
        builder.AddResilienceHandler(PipelineName, (pipeline, context) => ApiResiliencePipeline.Configure(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptionsMonitor<ApiResilienceOptions>>().Get(name),
            context.ServiceProvider.GetRequiredService<ApiRateLimiters>(),
            context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("HelpCrunchGen.Extensions.Retry")));
        return builder;
    }

    /// <summary>
    /// Changes the settings of the handler <see cref="AddApiResilienceHandler"/> adds (for example, turns the rate limiter
    /// on: <c>o.RateLimit = new ApiRateLimitOptions()</c>). Read when the client's first handler is built.
    /// </summary>
    /// <param name="builder">The HTTP client builder.</param>
    /// <param name="configure">Changes the settings.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder ConfigureApiResilience(this IHttpClientBuilder builder, Action<ApiResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(builder.Name, configure);
        return builder;
    }
}
