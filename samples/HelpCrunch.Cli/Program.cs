using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace HelpCrunch.Cli;

/// <summary>
/// <c>dotnet run --project samples/HelpCrunch.Cli -- chats assign --chat 5214000 --assignee 4188</c>.
/// Wiring only: the real console, the real environment, Ctrl+C and SIGTERM. See <see cref="Cli.RunAsync(string[], CliContext, CancellationToken)"/>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();

        // First Ctrl+C: cancel the request and exit cleanly. A second one (if the first is not
        // honoured quickly) is left to the default handler, which terminates the process.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };

        // SIGTERM (docker stop, systemd) too: the embedded emulator's host swallows it, so without
        // this 'emulator' would never end.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        Console.CancelKeyPress += onCancel;
        try
        {
            var context = new CliContext { Out = Console.Out, Error = Console.Error, GetEnvironmentVariable = Environment.GetEnvironmentVariable };
            return await Cli.RunAsync(args, context, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
