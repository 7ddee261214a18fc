using System;
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
/// The whole program behind <c>Main</c>, with its console, environment and clock passed in so that
/// tests can run it in-process.
/// </summary>
public static class Cli
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>The API returned an error, or it could not be reached.</summary>
    public const int ExitApiError = 1;

    /// <summary>The command line (or the API key) is wrong; nothing was sent.</summary>
    public const int ExitUsage = 2;

    /// <summary>Cancelled by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int ExitCancelled = 130;

    /// <summary>Runs the CLI on the system clock.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken) =>
        RunAsync(args, stdout, stderr, getEnvironmentVariable, TimeProvider.System, cancellationToken);

    /// <summary>Runs the CLI: parses <paramref name="args"/>, calls the API, prints the result. Returns the exit code.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Receives the result (text or JSON) and the help text.</param>
    /// <param name="stderr">Receives notices and errors.</param>
    /// <param name="getEnvironmentVariable">Looks up <see cref="CommandLine.ApiKeyVariable"/>.</param>
    /// <param name="timeProvider">"Now" for the relative times in the text output.</param>
    /// <param name="cancellationToken">Cancels the call (Ctrl+C); the result is <see cref="ExitCancelled"/>.</param>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> getEnvironmentVariable,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(timeProvider);

        switch (CommandLine.Parse(args))
        {
            case ParsedArguments.Help:
                await stdout.WriteAsync(CommandLine.HelpText).ConfigureAwait(false);
                return ExitOk;

            case ParsedArguments.Invalid invalid:
                await stderr.WriteLineAsync("error: " + invalid.Message).ConfigureAwait(false);
                await stderr.WriteLineAsync("Run 'HelpCrunch.Cli --help' for usage.").ConfigureAwait(false);
                return ExitUsage;

            case ParsedArguments.Assign assign:
                string? apiKey = getEnvironmentVariable(CommandLine.ApiKeyVariable);
                return await AssignAsync(assign.Command, string.IsNullOrWhiteSpace(apiKey) ? null : apiKey, stdout, stderr, timeProvider, cancellationToken).ConfigureAwait(false);

            default:
                throw new InvalidOperationException("Unhandled parse result.");
        }
    }

    private static async Task<int> AssignAsync(AssignCommand command, string? apiKey, TextWriter stdout, TextWriter stderr, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (apiKey is null && command.BaseUrl is not null)
        {
            await stderr.WriteLineAsync(
                $"error: --base-url needs an API key: set {CommandLine.ApiKeyVariable} (without a key and without --base-url, the local emulator is used).").ConfigureAwait(false);
            return ExitUsage;
        }

        var options = new ApiClientOptions { BaseAddress = command.BaseUrl };
        if (apiKey is not null)
        {
            try
            {
                options.ApiKey = apiKey;
            }
            catch (ArgumentException)
            {
                // The runtime's message never contains the key; ours does not either.
                await stderr.WriteLineAsync($"error: {CommandLine.ApiKeyVariable} is not a valid key (it contains control characters such as a line break).").ConfigureAwait(false);
                return ExitUsage;
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
                    return ExitApiError;
                }

                options.BaseAddress = emulator.BaseAddress;
                options.ApiKey = emulator.ApiKey;
            }

            using var httpClient = new HttpClient();
            HelpCrunchClient client;
            try
            {
                client = new HelpCrunchClient(httpClient, options);
            }
            catch (ArgumentException)
            {
                await stderr.WriteLineAsync($"error: invalid base URL '{command.BaseUrl}': use https, or plain http only on a loopback host (localhost, 127.0.0.1, [::1]).").ConfigureAwait(false);
                return ExitUsage;
            }

            var request = new UpdateChatAssigneeRequest { Id = command.ChatId, Assignee = command.AssigneeId };
            return await CallAsync(client, request, command.Json, stdout, stderr, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled.").ConfigureAwait(false);
            return ExitCancelled;
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
            $"{CommandLine.ApiKeyVariable} is not set: using the local HelpCrunch emulator at {emulator.BaseAddress} (demo data, nothing leaves this machine).").ConfigureAwait(false);
        return emulator;
    }

    private static async Task<int> CallAsync(HelpCrunchClient client, UpdateChatAssigneeRequest request, bool json, TextWriter stdout, TextWriter stderr, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Chat chat;
        try
        {
            chat = await client.UpdateChatAssigneeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            await WriteApiErrorAsync(stderr, ex).ConfigureAwait(false);
            return ExitApiError;
        }
        catch (HttpRequestException ex)
        {
            string detail = ex.InnerException?.GetBaseException().Message is { Length: > 0 } inner && inner != ex.Message
                ? $"{ex.Message} ({inner})"
                : ex.Message;
            await stderr.WriteLineAsync("error: the API could not be reached: " + detail).ConfigureAwait(false);
            return ExitApiError;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("error: the API did not answer in time.").ConfigureAwait(false);
            return ExitApiError;
        }

        if (json)
        {
            ChatPrinter.WriteJson(stdout, chat);
        }
        else
        {
            ChatPrinter.WriteText(stdout, chat, timeProvider.GetUtcNow());
        }

        return ExitOk;
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
