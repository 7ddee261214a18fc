using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunchGen.Extensions.Tests.Support;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static HelpCrunchGen.Extensions.Tests.Support.ScriptedHandler;

namespace HelpCrunchGen.Extensions.Tests;

/// <summary>The generated AddHelpCrunchClient overloads: typed client over IHttpClientFactory, options, validation at start.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task The_options_overload_registers_a_working_typed_client()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddHelpCrunchClient(options =>
        {
            options.ApiKey = emulator.ApiKey;
            options.BaseAddress = emulator.BaseAddress;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Chat chat = await provider.GetRequiredService<IHelpCrunchClient>().UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });

        Assert.Equal(4188, chat.Assignee?.Id);
    }

    [Fact]
    public async Task The_configuration_overload_binds_ApiKey_and_BaseAddress()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        IConfiguration configuration = Configuration(("HelpCrunch:ApiKey", emulator.ApiKey), ("HelpCrunch:BaseAddress", emulator.BaseAddress.ToString()));
        var services = new ServiceCollection();
        services.AddHelpCrunchClient(configuration.GetSection("HelpCrunch"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        ApiClientOptions options = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("HelpCrunchClient");
        Chat chat = await provider.GetRequiredService<IHelpCrunchClient>().UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });

        Assert.Equal(emulator.ApiKey, options.ApiKey);
        Assert.Equal(emulator.BaseAddress, options.BaseAddress);
        Assert.Equal(4188, chat.Assignee?.Id);
    }

    [Fact]
    public async Task A_key_with_a_control_character_fails_at_start_and_the_message_holds_no_key()
    {
        const string badKey = "hc-secret-\r\nX-Injected: 1";
        using IHost host = Host(services => services.AddHelpCrunchClient(Configuration(("HelpCrunch:ApiKey", badKey)).GetSection("HelpCrunch")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("control characters", error.Message);
        Assert.DoesNotContain("hc-secret", error.Message);
    }

    [Fact]
    public async Task An_http_address_of_a_remote_host_fails_at_start()
    {
        using IHost host = Host(services => services.AddHelpCrunchClient(options => options.BaseAddress = new Uri("http://api.example.test/v1")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("https", error.Message);
    }

    [Fact]
    public async Task A_configured_address_that_is_not_absolute_fails_at_start_naming_the_key()
    {
        using IHost host = Host(services => services.AddHelpCrunchClient(Configuration(("HelpCrunch:BaseAddress", "api/v1")).GetSection("HelpCrunch")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("HelpCrunch:BaseAddress", error.Message);
    }

    [Fact]
    public async Task Valid_options_start()
    {
        using IHost host = Host(services => services.AddHelpCrunchClient(options => options.ApiKey = "fine"));

        await host.StartAsync();
        await host.StopAsync();

        Assert.NotNull(host.Services.GetRequiredService<IHelpCrunchClient>());
    }

    /// <summary>
    /// Expected to pass once ApiConnection honours HttpClient.BaseAddress (options.BaseAddress, else
    /// httpClient.BaseAddress, else the spec's default); it fails until then.
    /// </summary>
    [Fact]
    public async Task HttpClient_BaseAddress_is_used_when_the_options_have_none()
    {
        var handler = new ScriptedHandler(Status(404));
        var services = new ServiceCollection();
        services.AddHelpCrunchClient(options => options.ApiKey = Services.Key)
            .ConfigureHttpClient(http => http.BaseAddress = new Uri("https://proxy.example.test/helpcrunch/v1/"))
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IHelpCrunchClient>().GetOrganizationAsync());

        Assert.Equal(new Uri("https://proxy.example.test/helpcrunch/v1/organization"), Assert.Single(handler.Attempts).Uri);
    }

    [Fact]
    public async Task The_api_key_is_in_no_log_exception_or_ToString()
    {
        var logs = new CollectingLoggerProvider();
        var handler = new ScriptedHandler(Status(429, "0"));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddHelpCrunchClient(options =>
            {
                options.ApiKey = Services.Key;
                options.BaseAddress = new Uri("https://api.example.test/v1");
            })
            .ConfigureApiResilience(options => options.MaxRetryAttempts = 2)
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using ServiceProvider provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IHelpCrunchClient>().CreateChatAsync(Services.NewChat()));
        string options = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("HelpCrunchClient").ToString();

        Assert.Equal(3, handler.Attempts.Count);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(Services.Key, error.ToString());
        Assert.DoesNotContain(Services.Key, options);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(Services.Key, line));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static IHost Host(Action<IServiceCollection> configure)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }
}
