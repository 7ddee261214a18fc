using System.Net;
using HelpCrunch.Api;
using HelpCrunchGen.Extensions.Tests.Support;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.DependencyInjection;
using static HelpCrunchGen.Extensions.Tests.Support.ScriptedHandler;

namespace HelpCrunchGen.Extensions.Tests;

/// <summary>
/// What Microsoft's AddStandardResilienceHandler does in place of the default handler (the README quotes these facts):
/// it honours Retry-After, and it retries a POST after a 5xx unless told not to.
/// </summary>
public sealed class StandardResilienceHandlerTests
{
    [Fact]
    public async Task With_the_default_handler_off_it_retries_a_POST_after_503()
    {
        var handler = new ScriptedHandler(Status(503), Status(500), Status(404));
        await using ServiceProvider provider = Standard(handler, disableForUnsafeMethods: false);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IHelpCrunchClient>().CreateChatAsync(Services.NewChat()));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(3, handler.Attempts.Count);
    }

    [Fact]
    public async Task DisableForUnsafeHttpMethods_stops_every_POST_retry_even_after_429()
    {
        var handler = new ScriptedHandler(Status(429, "0"), Status(404));
        await using ServiceProvider provider = Standard(handler, disableForUnsafeMethods: true);

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IHelpCrunchClient>().CreateChatAsync(Services.NewChat()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(handler.Attempts);
    }

    [Fact]
    public async Task It_waits_for_Retry_After()
    {
        var handler = new ScriptedHandler(Status(429, "1"), Status(404));
        await using ServiceProvider provider = Standard(handler, disableForUnsafeMethods: false);

        await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<IHelpCrunchClient>().CreateChatAsync(Services.NewChat()));

        var attempts = handler.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.InRange(attempts[1].At - attempts[0].At, TimeSpan.FromMilliseconds(990), TimeSpan.FromSeconds(10));
    }

    private static ServiceProvider Standard(ScriptedHandler handler, bool disableForUnsafeMethods)
    {
        var services = new ServiceCollection();
        services.AddHelpCrunchClient(options =>
            {
                options.ApiKey = Services.Key;
                options.BaseAddress = new Uri("https://api.example.test/v1");
            })
            .ConfigureApiResilience(options => options.Enabled = false)
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.Delay = TimeSpan.FromMilliseconds(1);
                if (disableForUnsafeMethods)
                {
                    options.Retry.DisableForUnsafeHttpMethods();
                }
            });
        services.AddHttpClient("HelpCrunchClient").ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }
}
