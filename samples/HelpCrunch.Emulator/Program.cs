using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace HelpCrunch.Emulator;

/// <summary>
/// Standalone entry point: <c>dotnet run --project samples/HelpCrunch.Emulator [-- --port N]</c>.
/// Prints the base address and API key, then serves until Ctrl+C (or SIGTERM).
/// </summary>
internal static class Program
{
    private const string Usage =
        "Usage: HelpCrunch.Emulator [--port N] [--api-key KEY] [--rpm N] [--error-style old|new] [--webhook-url URL] [--webhook-key KEY]\n" +
        "  --port N               TCP port on 127.0.0.1 (default 0 = any free port)\n" +
        "  --api-key KEY          the accepted Bearer key (default hc-emulator-key)\n" +
        "  --rpm N                requests per minute per key before 429 (default 120)\n" +
        "  --error-style old|new  one specific error code (old, default) or invalid_request first (new)\n" +
        "  --webhook-url URL      POST signed webhooks there when state changes\n" +
        "  --webhook-key KEY      the webhook signing key (default: random, printed at start)";

    private static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions();
        if (!TryParse(args, options, out string? error))
        {
            if (error is null)
            {
                Console.WriteLine(Usage); // --help
                return 0;
            }

            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        HelpCrunchEmulator emulator;
        try
        {
            emulator = await HelpCrunchEmulator.StartAsync(options);
        }
        catch (IOException e)
        {
            // Typically "address already in use" for an explicit --port.
            Console.Error.WriteLine($"Could not start the emulator on port {options.Port}: {e.Message}");
            return 1;
        }

        await using var _ = emulator;

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // shut down gracefully instead of being killed
            stop.TrySetResult();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        Console.WriteLine("HelpCrunch API emulator");
        Console.WriteLine($"  Base address: {emulator.BaseAddress}");
        Console.WriteLine($"  API key:      {emulator.ApiKey}");
        Console.WriteLine($"  Rate limit:   {options.RequestsPerMinute} requests/minute");
        Console.WriteLine($"  Errors:       {(options.ErrorStyle == EmulatorErrorStyle.Old ? "old style (one specific code)" : "new style (invalid_request first)")}");
        Console.WriteLine(options.WebhookUrl is { } hooks
            ? $"  Webhooks:     POST {hooks}, signing key {emulator.WebhookSigningKey}"
            : "  Webhooks:     off (--webhook-url URL to send them)");
        Console.WriteLine($"  Try: curl -X PUT -H \"Authorization: Bearer {emulator.ApiKey}\" -H \"Content-Type: application/json\" -d '{{\"id\":5214000,\"assignee\":4188}}' {emulator.BaseAddress}/chats/assignee");
        Console.WriteLine("Press Ctrl+C to stop.");

        await stop.Task;
        Console.WriteLine("Stopping.");
        return 0;
    }

    /// <summary>Parses the options; false with a null error means "--help".</summary>
    private static bool TryParse(string[] args, EmulatorOptions options, out string? error)
    {
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                return false;
            }

            if (i + 1 >= args.Length)
            {
                error = $"Missing value for '{name}'.";
                return false;
            }

            string value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535:
                    options.Port = port;
                    break;
                case "--rpm" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int rpm) && rpm >= 1:
                    options.RequestsPerMinute = rpm;
                    break;
                case "--api-key" when !string.IsNullOrWhiteSpace(value):
                    options.ApiKey = value;
                    break;
                case "--error-style" when value is "old" or "new":
                    options.ErrorStyle = value == "old" ? EmulatorErrorStyle.Old : EmulatorErrorStyle.New;
                    break;
                case "--webhook-url" when Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps):
                    options.WebhookUrl = url;
                    break;
                case "--webhook-key" when !string.IsNullOrWhiteSpace(value):
                    options.WebhookSigningKey = value;
                    break;
                case "--port" or "--rpm" or "--api-key" or "--error-style" or "--webhook-url" or "--webhook-key":
                    error = $"Invalid value '{value}' for '{name}'.";
                    return false;
                default:
                    error = $"Unknown option '{name}'.";
                    return false;
            }
        }

        return true;
    }
}
