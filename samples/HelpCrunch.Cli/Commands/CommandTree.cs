using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Linq;

namespace HelpCrunch.Cli;

/// <summary>The whole command line: every command, its options, and its action bound to one <see cref="CliContext"/>.</summary>
internal static class CommandTree
{
    private const string RootHelpFooter = """
        Environment:
          HELPCRUNCH_API_KEY  Your HelpCrunch REST API key, sent as a Bearer token; never printed.
                              Set: calls https://api.helpcrunch.com/v1 (or --base-url).
                              Not set (or empty): starts the embedded local emulator with demo data
                              (chats 5214000 and 5217453, agent 4188 Derek Swanson, ...) and calls it;
                              a notice goes to stderr. --base-url without a key is an error.

        Exit codes:
          0  success    1  API or network error    2  usage error    130  cancelled (Ctrl+C)

        Examples:
          HelpCrunch.Cli customers list
          HelpCrunch.Cli chats search --status opened --json
          HelpCrunch.Cli chats assign --chat 5214000 --assignee 4188
          HelpCrunch.Cli assign --chat 5214000 --assignee none
          HelpCrunch.Cli chats list --all --json > chats.jsonl

        """;

    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("HelpCrunch.Cli - the HelpCrunch API from the command line (sample client built by HelpCrunchGen).")
        {
            ChatCommands.Create(context),
            MessageCommands.Create(context),
            CustomerCommands.Create(context),
            AccountCommands.Events(context),
            AccountCommands.Agents(context),
            AccountCommands.Departments(context),
            AccountCommands.Applications(context),
            AccountCommands.Organization(context),
            EmulatorCommand.Create(context),
            // The README's command line from before the subcommands; the same options as 'chats assign'.
            ChatCommands.Assign(context, "assign"),
        };

        RequireSubcommand(root, context);
        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithFooter((HelpAction)help.Action!);
        return root;
    }

    /// <summary>
    /// A group without a subcommand (<c>chats</c>) is a usage error that names the choices; without
    /// an action of its own System.CommandLine would also say "Required command was not provided"
    /// next to the real error (<c>frob</c>: unrecognized).
    /// </summary>
    private static void RequireSubcommand(Command command, CliContext context)
    {
        foreach (Command subcommand in command.Subcommands)
        {
            RequireSubcommand(subcommand, context);
        }

        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            string path = command is RootCommand ? "HelpCrunch.Cli" : "HelpCrunch.Cli " + command.Name;
            string choices = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            command.SetAction(_ =>
            {
                context.Error.WriteLine($"error: '{path}' needs a command: {choices}.");
                context.Error.WriteLine($"Run '{path} --help' for usage.");
                return Cli.ExitUsage;
            });
        }
    }

    /// <summary>Whether <paramref name="result"/> asks for help (which wins over parse errors).</summary>
    public static bool IsHelp(ParseResult result) => result.Action is HelpWithFooter;

    /// <summary>The default help, plus environment, exit codes and examples under the root command's.</summary>
    private sealed class HelpWithFooter(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int exitCode = inner.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                parseResult.InvocationConfiguration.Output.Write(RootHelpFooter.ReplaceLineEndings());
            }

            return exitCode;
        }
    }
}
