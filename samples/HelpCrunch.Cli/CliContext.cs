using System;
using System.IO;
using System.Net.Http;

namespace HelpCrunch.Cli;

/// <summary>What one run of the CLI talks to: its console, environment, clock and, for tests, its HTTP transport.</summary>
public sealed class CliContext
{
    /// <summary>Receives results (tables, JSON) and help.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Receives notices, progress and errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Looks up <see cref="Cli.ApiKeyVariable"/>.</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>"Now" for the relative times in tables.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Sends the API's requests instead of a new socket handler (a test's recorder); the CLI never
    /// disposes it. Null: real HTTP, to <c>--base-url</c>, the API, or the embedded emulator.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
