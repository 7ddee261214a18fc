using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Routes;
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
    private int _disposed;

    private HelpCrunchEmulator(WebApplication app, int port, string apiKey, EmulatorStore store)
    {
        _app = app;
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
        var app = EmulatorApp.Build(options, store);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new HelpCrunchEmulator(app, GetBoundPort(app), options.ApiKey, store);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server (waiting briefly for requests in flight) and releases the port. Safe to call twice.</summary>
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
