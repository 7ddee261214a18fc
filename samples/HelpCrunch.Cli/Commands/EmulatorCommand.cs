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
        var command = new Command("emulator", "Run the local HelpCrunch emulator (demo data) until Ctrl+C; prints its base address and key.") { port };
        command.SetAction((result, ct) => RunAsync(context, result.GetValue(port), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int port, CancellationToken cancellationToken)
    {
        HelpCrunchEmulator emulator;
        try
        {
            emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { Port = port }, cancellationToken).ConfigureAwait(false);
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

    private static int Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"invalid --port '{Opt.Single(result)}': expected a port number from 0 to 65535.");
        return 0;
    }
}
