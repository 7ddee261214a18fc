using HelpCrunch.Api;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace HelpCrunchGen.Extensions.Tests.Support;

internal static class Services
{
    public const string Key = "hc-test-key-5f3a";

    /// <summary>A provider whose IHelpCrunchClient sends through <paramref name="primary"/>, with fast retry settings.</summary>
    public static ServiceProvider WithScript(HttpMessageHandler primary, Action<ApiResilienceOptions>? resilience = null)
    {
        var services = new ServiceCollection();
        services.AddHelpCrunchClient(options =>
            {
                options.ApiKey = Key;
                options.BaseAddress = new Uri("https://api.example.test/v1");
            })
            .ConfigureApiResilience(options =>
            {
                options.BaseDelay = TimeSpan.FromMilliseconds(1);
                resilience?.Invoke(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        return services.BuildServiceProvider();
    }

    public static IHelpCrunchClient Client(this IServiceProvider provider) => provider.GetRequiredService<IHelpCrunchClient>();

    public static CreateChatRequest NewChat() => new() { Customer = 8738438 };
}
