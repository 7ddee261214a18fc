using System;
using System.Net.Http;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// Registers a generated client as a typed client over <see cref="IHttpClientFactory"/>. The generated
/// <c>Add&lt;ClientName&gt;</c> extension methods call this; use them rather than this class.
/// </summary>
public static class ApiClientRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed client named <paramref name="name"/>, its options (named
    /// <paramref name="name"/>, validated at start-up with the client constructor's rules) and the default
    /// resilience handler (<see cref="ApiResilienceHttpClientBuilderExtensions.AddApiResilienceHandler"/>).
    /// </summary>
    /// <typeparam name="TClient">The service type, usually the client's interface.</typeparam>
    /// <typeparam name="TImplementation">The client class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the HTTP client and of its options.</param>
    /// <param name="configureOptions">Sets the client options.</param>
    /// <param name="createClient">Creates the client from the factory's <see cref="HttpClient"/> and the options.</param>
    /// <returns>The builder, to chain handlers: <c>.ConfigureApiResilience(…)</c>, <c>.ConfigurePrimaryHttpMessageHandler(…)</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IHttpClientBuilder Add<TClient, TImplementation>(
        IServiceCollection services,
        string name,
        Action<ApiClientOptions> configureOptions,
        Func<HttpClient, ApiClientOptions, TImplementation> createClient)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configureOptions);
        ArgumentNullException.ThrowIfNull(createClient);

        services.AddOptions<ApiClientOptions>(name)
            .Configure(options => ConfigureOrFail(name, options, configureOptions))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiClientOptions>, ApiClientOptionsValidator>());

        // The factory overload: no ActivatorUtilities, so nothing here needs reflection (trim- and AOT-safe).
        return services
            .AddHttpClient<TClient, TImplementation>(name, (httpClient, provider) =>
                createClient(httpClient, provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(name)))
            .AddApiResilienceHandler()
            // Added after the resilience handler, so inside it: each attempt is logged. Category: the client's full name.
            .AddHttpMessageHandler(provider => new ApiLoggingHandler(
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TImplementation).FullName ?? typeof(TImplementation).Name)));
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as <see cref="Add{TClient, TImplementation}(IServiceCollection, string, Action{ApiClientOptions}, Func{HttpClient, ApiClientOptions, TImplementation})"/>
    /// does, with the options read from <paramref name="configuration"/>: the keys <c>ApiKey</c> and <c>BaseAddress</c>.
    /// </summary>
    /// <typeparam name="TClient">The service type, usually the client's interface.</typeparam>
    /// <typeparam name="TImplementation">The client class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the HTTP client and of its options.</param>
    /// <param name="configuration">The configuration section, e.g. <c>builder.Configuration.GetSection("HelpCrunch")</c>.</param>
    /// <param name="createClient">Creates the client from the factory's <see cref="HttpClient"/> and the options.</param>
    /// <returns>The builder, to chain handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IHttpClientBuilder Add<TClient, TImplementation>(
        IServiceCollection services,
        string name,
        IConfiguration configuration,
        Func<HttpClient, ApiClientOptions, TImplementation> createClient)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add<TClient, TImplementation>(services, name, options => ApiClientConfiguration.Bind(configuration, options), createClient);
    }

    // A bad value (a key with a control character, an address that is not absolute) fails at start-up like a failed
    // validation, not as an ArgumentException from deep inside the options factory. The messages never hold the key.
    private static void ConfigureOrFail(string name, ApiClientOptions options, Action<ApiClientOptions> configure)
    {
        try
        {
            configure(options);
        }
        catch (ArgumentException ex)
        {
            throw new OptionsValidationException(name, typeof(ApiClientOptions), [ex.Message]);
        }
    }
}
