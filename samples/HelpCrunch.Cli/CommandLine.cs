using System;
using System.Globalization;

namespace HelpCrunch.Cli;

/// <summary>The <c>assign</c> command, fully parsed and validated.</summary>
/// <param name="ChatId">The chat to update.</param>
/// <param name="AssigneeId">The agent to assign; null unassigns (<c>--assignee none</c>).</param>
/// <param name="Json">Print the chat as indented JSON instead of text.</param>
/// <param name="BaseUrl">An API root that replaces the default one (or the emulator); null for none.</param>
public sealed record AssignCommand(long ChatId, long? AssigneeId, bool Json, Uri? BaseUrl);

/// <summary>What the command line asks for: help, a usage error, or a command to run.</summary>
public abstract record ParsedArguments
{
    private ParsedArguments()
    {
    }

    /// <summary><c>--help</c>, <c>-h</c> or no arguments at all.</summary>
    public sealed record Help : ParsedArguments;

    /// <summary>The arguments are wrong; <paramref name="Message"/> says why.</summary>
    public sealed record Invalid(string Message) : ParsedArguments;

    /// <summary>Run <c>assign</c>.</summary>
    public sealed record Assign(AssignCommand Command) : ParsedArguments;
}

/// <summary>Hand-written argument parsing (no packages): <c>assign --chat &lt;id&gt; --assignee &lt;id|none&gt; [--json] [--base-url &lt;url&gt;]</c>.</summary>
public static class CommandLine
{
    /// <summary>The environment variable that holds the API key.</summary>
    public const string ApiKeyVariable = "HELPCRUNCH_API_KEY";

    /// <summary>The full usage text printed by <c>--help</c>.</summary>
    public static readonly string HelpText = string.Join(
        Environment.NewLine,
        "HelpCrunch.Cli - assign a HelpCrunch chat to an agent (sample client built by HelpCrunchGen).",
        "",
        "Usage:",
        "  HelpCrunch.Cli assign --chat <id> --assignee <agentId|none> [--json] [--base-url <url>]",
        "  HelpCrunch.Cli --help",
        "",
        "Commands:",
        "  assign                  Assign the chat to an agent, or unassign it (PUT /chats/assignee),",
        "                          then print the updated chat.",
        "",
        "Options:",
        "  --chat <id>             The chat to update (a positive whole number). Required.",
        "  --assignee <id|none>    The agent to assign, or 'none' to leave the chat unassigned. Required.",
        "  --json                  Print the updated chat as indented JSON instead of text.",
        "  --base-url <url>        Call this API root instead, e.g. https://api.example.com/v1",
        "                          (https; plain http only on loopback). Needs HELPCRUNCH_API_KEY.",
        "  -h, --help              Show this help.",
        "  Options also accept the form --name=value.",
        "",
        "Environment:",
        "  HELPCRUNCH_API_KEY      Your HelpCrunch REST API key, sent as a Bearer token; never printed.",
        "                          Set: calls https://api.helpcrunch.com/v1 (or --base-url).",
        "                          Not set (or empty): starts the embedded local emulator with demo data",
        "                          (chats 5214000 and 5217453, agent 4188 Derek Swanson, ...) and calls",
        "                          it; a notice goes to stderr. --base-url without a key is an error,",
        "                          because only the emulator's own key is known.",
        "",
        "Exit codes:",
        "  0  success    1  API or network error    2  usage error    130  cancelled (Ctrl+C)",
        "",
        "Examples:",
        "  dotnet run --project samples/HelpCrunch.Cli -- assign --chat 5214000 --assignee 4188",
        "  dotnet run --project samples/HelpCrunch.Cli -- assign --chat 5214000 --assignee none --json",
        "");

    /// <summary>Parses <paramref name="args"/>; never throws for bad input.</summary>
    public static ParsedArguments Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        if (args.Length == 0)
        {
            return new ParsedArguments.Help();
        }

        foreach (string arg in args)
        {
            if (arg is "-h" or "--help" or "-?")
            {
                return new ParsedArguments.Help();
            }
        }

        string command = args[0];
        if (command.StartsWith('-'))
        {
            return Invalid($"expected a command before '{command}' (the only command is 'assign').");
        }

        if (command != "assign")
        {
            return Invalid($"unknown command '{command}' (the only command is 'assign').");
        }

        long? chatId = null;
        long? assigneeId = null;
        bool assigneeGiven = false;
        bool json = false;
        Uri? baseUrl = null;

        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Invalid(arg.StartsWith('-') ? $"unknown option '{arg}'." : $"unexpected argument '{arg}'.");
            }

            // --name=value or --name value
            string name = arg;
            string? inlineValue = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            switch (name)
            {
                case "--json":
                    if (inlineValue is not null)
                    {
                        return Invalid("option '--json' takes no value.");
                    }

                    if (json)
                    {
                        return Invalid("option '--json' is given more than once.");
                    }

                    json = true;
                    break;

                case "--chat":
                {
                    if (chatId is not null)
                    {
                        return Invalid("option '--chat' is given more than once.");
                    }

                    if (!TryTakeValue(args, ref i, name, inlineValue, out string value, out ParsedArguments? error))
                    {
                        return error;
                    }

                    if (!TryParseId(value, out long id))
                    {
                        return Invalid($"invalid chat id '{value}': expected a positive whole number.");
                    }

                    chatId = id;
                    break;
                }

                case "--assignee":
                {
                    if (assigneeGiven)
                    {
                        return Invalid("option '--assignee' is given more than once.");
                    }

                    if (!TryTakeValue(args, ref i, name, inlineValue, out string value, out ParsedArguments? error))
                    {
                        return error;
                    }

                    if (string.Equals(value, "none", StringComparison.OrdinalIgnoreCase))
                    {
                        assigneeId = null;
                    }
                    else if (TryParseId(value, out long id))
                    {
                        assigneeId = id;
                    }
                    else
                    {
                        return Invalid($"invalid assignee '{value}': expected an agent id (a positive whole number) or 'none'.");
                    }

                    assigneeGiven = true;
                    break;
                }

                case "--base-url":
                {
                    if (baseUrl is not null)
                    {
                        return Invalid("option '--base-url' is given more than once.");
                    }

                    if (!TryTakeValue(args, ref i, name, inlineValue, out string value, out ParsedArguments? error))
                    {
                        return error;
                    }

                    if (!TryParseBaseUrl(value, out Uri? url, out string? reason))
                    {
                        return Invalid(reason);
                    }

                    baseUrl = url;
                    break;
                }

                default:
                    return Invalid($"unknown option '{name}'.");
            }
        }

        if (chatId is not { } chat)
        {
            return Invalid("missing required option '--chat <id>'.");
        }

        if (!assigneeGiven)
        {
            return Invalid("missing required option '--assignee <agentId|none>'.");
        }

        return new ParsedArguments.Assign(new AssignCommand(chat, assigneeId, json, baseUrl));
    }

    private static ParsedArguments.Invalid Invalid(string message) => new(message);

    private static bool TryTakeValue(string[] args, ref int i, string name, string? inlineValue, out string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ParsedArguments? error)
    {
        error = null;
        if (inlineValue is not null)
        {
            value = inlineValue;
        }
        else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            value = args[++i];
        }
        else
        {
            value = string.Empty;
            error = Invalid($"option '{name}' needs a value.");
            return false;
        }

        if (value.Length == 0)
        {
            error = Invalid($"option '{name}' needs a value.");
            return false;
        }

        return true;
    }

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>
    /// Shape checks only; the client itself enforces "https, or http on loopback". The URL is not
    /// echoed when it holds user info, which may be a password.
    /// </summary>
    private static bool TryParseBaseUrl(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        url = null;
        reason = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            reason = $"invalid base URL '{text}': expected an absolute http(s) URL such as https://api.helpcrunch.com/v1.";
            return false;
        }

        if (parsed.UserInfo.Length != 0)
        {
            reason = "invalid base URL: it must not contain user info; put the key in HELPCRUNCH_API_KEY instead.";
            return false;
        }

        if (parsed.Query.Length != 0 || parsed.Fragment.Length != 0)
        {
            reason = $"invalid base URL '{text}': it must not contain a query or fragment.";
            return false;
        }

        url = parsed;
        return true;
    }
}
