using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace HelpCrunch.Cli;

/// <summary>
/// The whole program behind <c>Main</c>, with its console, environment, clock and HTTP transport passed
/// in so that tests can run it in-process.
/// </summary>
public static class Cli
{
    /// <summary>The environment variable that holds the API key.</summary>
    public const string ApiKeyVariable = "HELPCRUNCH_API_KEY";

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

    /// <summary>Runs the CLI over real HTTP.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        RunAsync(args, new CliContext { Out = stdout, Error = stderr, GetEnvironmentVariable = getEnvironmentVariable, TimeProvider = timeProvider }, cancellationToken);

    /// <summary>Runs the CLI: parses <paramref name="args"/>, calls the API, prints the result. Returns the exit code.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="context">Console, environment, clock and transport.</param>
    /// <param name="cancellationToken">Cancels the call (Ctrl+C); the result is <see cref="ExitCancelled"/>.</param>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        RootCommand root = CommandTree.Create(context);
        // No response files: a message or name that starts with '@' is text, not a file to read.
        ParseResult result = root.Parse(args.Length == 0 ? ["--help"] : args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Program.Main owns Ctrl+C and every exception reaches our own handlers.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };

        if (!CommandTree.IsHelp(result) && result.Errors.Count > 0)
        {
            foreach (ParseError error in result.Errors)
            {
                await context.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"Run '{CommandPath(result.CommandResult)} --help' for usage.").ConfigureAwait(false);
            return ExitUsage;
        }

        try
        {
            return await result.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("cancelled.").ConfigureAwait(false);
            return ExitCancelled;
        }
    }

    /// <summary><c>HelpCrunch.Cli chats assign</c>.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? current = command; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: var c })
            {
                names.Push(c is RootCommand ? "HelpCrunch.Cli" : c.Name);
            }
        }

        return string.Join(' ', names);
    }
}
