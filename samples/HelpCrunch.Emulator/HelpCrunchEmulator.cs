using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Routes;
using HelpCrunch.Emulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HelpCrunch.Emulator;

/// <summary>
/// A running HelpCrunch REST API v1 emulator: a real HTTP server (Kestrel) on 127.0.0.1 serving
/// seeded in-memory data. Start one per test (port 0) and dispose it when done; instances share nothing.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await HelpCrunchEmulator.StartAsync();
/// using var http = new HttpClient();
/// http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.ApiKey);
/// var response = await http.PutAsync(emulator.BaseAddress + "/chats/assignee",
///     new StringContent("{\"id\":5214000,\"assignee\":4188}", Encoding.UTF8, "application/json"));
/// </code>
/// </example>
public sealed class HelpCrunchEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookSender _webhooks;
    private int _disposed;

    private HelpCrunchEmulator(WebApplication app, int port, string apiKey, EmulatorStore store, WebhookSender webhooks)
    {
        _app = app;
        _webhooks = webhooks;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}{ApiRoutes.Root}", UriKind.Absolute);
        ApiKey = apiKey;
        Store = store;
    }

    /// <summary>
    /// The API root, e.g. <c>http://127.0.0.1:43123/v1</c> — no trailing slash, like the documented
    /// <c>https://api.helpcrunch.com/v1</c>. Append paths as strings (<c>BaseAddress + "/chats"</c>).
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>The TCP port the server is bound to (the actual one when port 0 was requested).</summary>
    public int Port { get; }

    /// <summary>The only API key the emulator accepts.</summary>
    public string ApiKey { get; }

    /// <summary>The emulator's seeded, thread-safe data; read it to check what requests changed.</summary>
    public EmulatorStore Store { get; }

    /// <summary>The key that signs webhooks (<see cref="EmulatorOptions.WebhookSigningKey"/>, or the one generated at start).</summary>
    public string WebhookSigningKey => _webhooks.SigningKey;

    /// <summary>How many webhooks were attempted, delivered and given up so far.</summary>
    public WebhookDeliveryStats Webhooks => _webhooks.Stats;

    /// <summary>Starts an emulator on 127.0.0.1 and returns once it accepts connections.</summary>
    /// <param name="options">Settings; null for the defaults (free port, key <c>hc-emulator-key</c>, 120 requests/minute).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="System.IO.IOException">The requested port is in use.</exception>
    public static async Task<HelpCrunchEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();

        var store = EmulatorStore.CreateSeeded();
        var webhooks = new WebhookSender(options, new WebhookDeliveryStats());
        var app = EmulatorApp.Build(options, new Emulation(store, options.TimeProvider, webhooks));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new HelpCrunchEmulator(app, GetBoundPort(app), options.ApiKey, store, webhooks);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await webhooks.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server (waiting briefly for requests in flight), drops webhooks not yet delivered and releases the port. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            await _webhooks.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>With port 0 only the server knows the port; Kestrel reports it as "http://127.0.0.1:N".</summary>
    private static int GetBoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The server reported no bound address.");
        return new Uri(address, UriKind.Absolute).Port;
    }
}
