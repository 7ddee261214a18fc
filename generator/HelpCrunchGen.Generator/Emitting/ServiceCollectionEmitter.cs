namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// Emits <c>Add&lt;ClientName&gt;</c> extension methods that register the client with dependency injection. Emitted only
/// when the compilation references the companion library HelpCrunchGen.Extensions, so that a project without it
/// depends on no Microsoft.Extensions package.
/// </summary>
internal static class ServiceCollectionEmitter
{
    /// <summary>A type of the companion library: its presence turns this output on.</summary>
    public const string CompanionMetadataName = "HelpCrunchGen.Extensions.ApiClientRegistration";

    private const string Registration = "global::HelpCrunchGen.Extensions.ApiClientRegistration";
    private const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";

    public static string Emit(EmitOptions options)
    {
        string client = options.Qualify(options.ClientName);
        string contract = options.Qualify("I" + options.ClientName);
        string add = $"{Registration}.Add<{contract}, {client}>";
        string create = $"static (httpClient, options) => new {client}(httpClient, options)";
        string name = TypeCode.Literal(options.ClientName);

        SourceWriter writer = Header.Start(options);
        writer.WriteLines($$"""
            /// <summary>Registers <see cref="{{client}}"/> with dependency injection.</summary>
            {{Header.GeneratedCodeAttribute}}
            public static partial class {{options.ClientName}}ServiceCollectionExtensions
            {
                /// <summary>
                /// Registers <see cref="{{contract}}"/> as a typed client over <c>IHttpClientFactory</c>, named <c>{{options.ClientName}}</c>:
                /// its options are validated at start-up with the constructor's rules, and calls are retried after 429
                /// (honouring <c>Retry-After</c>) and, when idempotent, after transient failures.
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configureOptions">Sets the API key and, optionally, the base address.</param>
                /// <returns>The builder, to chain handlers: <c>.ConfigureApiResilience(…)</c>, <c>.ConfigurePrimaryHttpMessageHandler(…)</c>; to use another resilience handler, <c>.ConfigureApiResilience(o =&gt; o.Enabled = false).AddStandardResilienceHandler()</c>.</returns>
                public static {{Builder}} Add{{options.ClientName}}(this {{Services}} services, global::System.Action<global::HelpCrunchGen.Runtime.ApiClientOptions> configureOptions) =>
                    {{add}}(services, {{name}}, configureOptions, {{create}});

                /// <summary>
                /// Registers <see cref="{{contract}}"/> as <see cref="Add{{options.ClientName}}({{Services}}, global::System.Action{global::HelpCrunchGen.Runtime.ApiClientOptions})"/> does,
                /// with the options read from <paramref name="configuration"/>: the keys <c>ApiKey</c> and <c>BaseAddress</c>.
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configuration">The configuration section, e.g. <c>builder.Configuration.GetSection("HelpCrunch")</c>.</param>
                /// <returns>The builder, to chain handlers.</returns>
                public static {{Builder}} Add{{options.ClientName}}(this {{Services}} services, global::Microsoft.Extensions.Configuration.IConfiguration configuration) =>
                    {{add}}(services, {{name}}, configuration, {{create}});
            }
            """);
        return writer.ToString();
    }
}
