using System.Net;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>
/// One emulator (its own port and state) and the generated client pointed at it over loopback HTTP. The rate limit is
/// raised so that a test may make hundreds of calls; the limit itself is tested on its own.
/// </summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private EmulatorSession(HelpCrunchEmulator emulator)
    {
        Emulator = emulator;
        Client = new HelpCrunchClient(_http, new ApiClientOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.ApiKey });
    }

    public HelpCrunchEmulator Emulator { get; }

    public HelpCrunchClient Client { get; }

    public static async Task<EmulatorSession> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { RequestsPerMinute = 100_000 };
        configure?.Invoke(options);
        return new EmulatorSession(await HelpCrunchEmulator.StartAsync(options));
    }

    /// <summary>A client whose key the emulator does not know.</summary>
    public HelpCrunchClient ClientWithKey(string apiKey) =>
        new(_http, new ApiClientOptions { BaseAddress = Emulator.BaseAddress, ApiKey = apiKey });

    public async Task<long> AnyAgentIdAsync() => (await Client.ListAgentsAsync()).Data![0].Id;

    public async Task<long> AnyApplicationIdAsync() => (await Client.ListApplicationsAsync()).Data![0].Id;

    public async Task<Customer> NewCustomerAsync(string name) =>
        await Client.CreateCustomerAsync(new CreateCustomerRequest { Name = name, Email = name.ToLowerInvariant().Replace(' ', '.') + "@example.test", UserId = "user-" + Guid.NewGuid().ToString("N") });

    public async Task<Chat> NewChatAsync(string customerName = "Chat Customer")
    {
        Customer customer = await NewCustomerAsync(customerName);
        return await Client.CreateChatAsync(new CreateChatRequest { Customer = customer.Id, Application = await AnyApplicationIdAsync() });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Assertions on the documented failures.</summary>
internal static class Fails
{
    public static async Task<ApiException> WithAsync(HttpStatusCode status, string code, Func<Task> call, string operationId)
    {
        ApiException error = await Assert.ThrowsAsync<ApiException>(call);
        Assert.Equal(status, error.StatusCode);
        Assert.True(error.HasCode(code), $"{operationId}: expected the code {code}, got [{string.Join(", ", error.Errors.Select(e => e.Code))}]");
        Assert.Equal(operationId, error.OperationId);
        return error;
    }

    public static async Task<ApiException> WithStatusAsync(HttpStatusCode status, Func<Task> call, string operationId)
    {
        ApiException error = await Assert.ThrowsAsync<ApiException>(call);
        Assert.Equal(status, error.StatusCode);
        Assert.NotEmpty(error.Errors);
        Assert.Equal(operationId, error.OperationId);
        return error;
    }
}
