using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunch.Emulator;

namespace HelpCrunch.Cli;

/// <summary><c>emulator</c>: the local HelpCrunch API in the foreground, until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1 (default: any free port).",
            HelpName = "n",
            CustomParser = result => int.TryParse(Opt.Single(result), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= 65535
                ? value
                : Fail(result),
        };
        var errorStyle = new Option<string>("--error-style")
        {
            Description = "Error envelopes as the older docs show them (one specific code) or the newer ones (invalid_request first).",
            HelpName = "old|new",
            DefaultValueFactory = _ => "old",
        };
        errorStyle.AcceptOnlyFromAmong("old", "new");
        var webhookUrl = new Option<Uri?>("--webhook-url")
        {
            Description = "POST the documented webhooks (chat.*, customer.*) here when state changes, signed with --webhook-key.",
            HelpName = "url",
            CustomParser = result => Uri.TryCreate(Opt.Single(result), UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? url
                : FailUrl(result),
        };
        var webhookKey = new Option<string?>("--webhook-key")
        {
            Description = "The HTTP webhook signing key (default: a new random key, printed at start).",
            HelpName = "key",
        };
        var command = new Command("emulator", "Run the local HelpCrunch emulator (demo data) until Ctrl+C; prints its base address and key.") { port, errorStyle, webhookUrl, webhookKey };
        command.SetAction((result, ct) => RunAsync(
            context,
            new EmulatorOptions
            {
                Port = result.GetValue(port),
                ErrorStyle = result.GetValue(errorStyle) == "new" ? EmulatorErrorStyle.New : EmulatorErrorStyle.Old,
                WebhookUrl = result.GetValue(webhookUrl),
                WebhookSigningKey = result.GetValue(webhookKey),
            },
            ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, EmulatorOptions options, CancellationToken cancellationToken)
    {
        int port = options.Port;
        HelpCrunchEmulator emulator;
        try
        {
            emulator = await HelpCrunchEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await context.Error.WriteLineAsync($"error: could not start the emulator on port {port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}").ConfigureAwait(false);
            return Cli.ExitApiError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Cli.ExitCancelled;
        }

        await using (emulator.ConfigureAwait(false))
        {
            // The emulator's key is a fixed demo key, not a secret: clients need it to call the emulator.
            await context.Out.WriteLineAsync($"HelpCrunch emulator at {emulator.BaseAddress}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"API key: {emulator.ApiKey}").ConfigureAwait(false);
            if (options.WebhookUrl is { } hooks)
            {
                // Like the API key, a demo key the receiver needs; printed so that it can be given to the receiver.
                await context.Out.WriteLineAsync($"Webhooks: POST {hooks}, signed with key {emulator.WebhookSigningKey}").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"Try: {Cli.ApiKeyVariable}={emulator.ApiKey} HelpCrunch.Cli chats list --base-url {emulator.BaseAddress}").ConfigureAwait(false);
            await context.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await context.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how it is meant to end.
            }
        }

        await context.Error.WriteLineAsync("emulator stopped.").ConfigureAwait(false);
        return Cli.ExitOk;
    }

    private static Uri? FailUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"invalid --webhook-url '{Opt.Single(result)}': expected an absolute http or https URL.");
        return null;
    }

    private static int Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"invalid --port '{Opt.Single(result)}': expected a port number from 0 to 65535.");
        return 0;
    }
}
