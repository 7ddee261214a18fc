using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunchGen.Runtime;

namespace HelpCrunch.Cli;

/// <summary>
/// Runs one API command: picks the server (the API, <c>--base-url</c>, or the embedded emulator when no
/// key is set), makes the client, and turns every failure into an exit code and a message.
/// </summary>
internal static class ApiRunner
{
    public static async Task<int> RunAsync(CliContext context, ParseResult result, ApiOptions options, Func<ApiCall, Task> operation, CancellationToken cancellationToken)
    {
        TextWriter stderr = context.Error;
        string? apiKey = context.GetEnvironmentVariable(Cli.ApiKeyVariable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
        Uri? baseUrl = result.GetValue(options.BaseUrl);
        if (apiKey is null && baseUrl is not null)
        {
            await stderr.WriteLineAsync(
                $"error: --base-url needs an API key: set {Cli.ApiKeyVariable} (without a key and without --base-url, the local emulator is used).").ConfigureAwait(false);
            return Cli.ExitUsage;
        }

        var clientOptions = new ApiClientOptions { BaseAddress = baseUrl };
        if (apiKey is not null)
        {
            try
            {
                clientOptions.ApiKey = apiKey;
            }
            catch (ArgumentException)
            {
                // The runtime's message never contains the key; ours does not either.
                await stderr.WriteLineAsync($"error: {Cli.ApiKeyVariable} is not a valid key (it contains control characters such as a line break).").ConfigureAwait(false);
                return Cli.ExitUsage;
            }
        }

        HelpCrunchEmulator? emulator = null;
        try
        {
            if (apiKey is null)
            {
                emulator = await StartEmulatorAsync(stderr, cancellationToken).ConfigureAwait(false);
                if (emulator is null)
                {
                    return Cli.ExitApiError;
                }

                clientOptions.BaseAddress = emulator.BaseAddress;
                clientOptions.ApiKey = emulator.ApiKey;
            }

            var progress = new PageProgress { InnerHandler = context.HttpHandler ?? new SocketsHttpHandler() };
            // A handler the caller passed in stays theirs.
            using var httpClient = new HttpClient(progress, disposeHandler: context.HttpHandler is null);
            HelpCrunchClient client;
            try
            {
                client = new HelpCrunchClient(httpClient, clientOptions);
            }
            catch (ArgumentException)
            {
                await stderr.WriteLineAsync($"error: invalid base URL '{baseUrl}': use https, or plain http only on a loopback host (localhost, 127.0.0.1, [::1]).").ConfigureAwait(false);
                return Cli.ExitUsage;
            }

            await operation(new ApiCall(client, progress, context, result.GetValue(options.Json), cancellationToken)).ConfigureAwait(false);
            return Cli.ExitOk;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled.").ConfigureAwait(false);
            return Cli.ExitCancelled;
        }
        catch (ApiException ex)
        {
            await WriteApiErrorAsync(stderr, ex).ConfigureAwait(false);
            return Cli.ExitApiError;
        }
        catch (HttpRequestException ex)
        {
            string detail = ex.InnerException?.GetBaseException().Message is { Length: > 0 } inner && inner != ex.Message
                ? $"{ex.Message} ({inner})"
                : ex.Message;
            await stderr.WriteLineAsync("error: the API could not be reached: " + detail).ConfigureAwait(false);
            return Cli.ExitApiError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: the API did not answer in time.").ConfigureAwait(false);
            return Cli.ExitApiError;
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<HelpCrunchEmulator?> StartEmulatorAsync(TextWriter stderr, CancellationToken cancellationToken)
    {
        HelpCrunchEmulator emulator;
        try
        {
            emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync("error: could not start the local HelpCrunch emulator: " + ex.Message).ConfigureAwait(false);
            return null;
        }

        await stderr.WriteLineAsync(
            $"{Cli.ApiKeyVariable} is not set: using the local HelpCrunch emulator at {emulator.BaseAddress} (demo data, nothing leaves this machine).").ConfigureAwait(false);
        return emulator;
    }

    /// <summary><c>error: 404 chat_not_found: Chat is missing</c>, one line per error, then the retry hint.</summary>
    private static async Task WriteApiErrorAsync(TextWriter stderr, ApiException ex)
    {
        string status = ((int)ex.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (ex.Errors.Count == 0)
        {
            // No error envelope (e.g. a proxy's HTML page); the runtime's message redacts the key.
            await stderr.WriteLineAsync($"error: {status}: {ex.Message}").ConfigureAwait(false);
        }

        foreach (var error in ex.Errors)
        {
            await stderr.WriteLineAsync($"error: {status} {error.Code}: {error.Message}").ConfigureAwait(false);
        }

        if (ex.RetryAfter is { } retryAfter)
        {
            long seconds = (long)Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds));
            await stderr.WriteLineAsync($"retry after {seconds.ToString(CultureInfo.InvariantCulture)} s").ConfigureAwait(false);
        }
    }
}
