using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using HelpCrunch.Api;

namespace HelpCrunch.Cli;

/// <summary>
/// A value, or <c>none</c> (null) where the API takes null to clear something. A custom parser cannot
/// return null for a nullable option (System.CommandLine 3.0.0 then throws InvalidCastException on read).
/// </summary>
internal readonly record struct OrNone<T>(T? Value)
    where T : struct;

/// <summary>Option factories and value parsers shared by the commands; a bad value is a parse error (exit 2).</summary>
internal static class Opt
{
    /// <summary>A required id: <c>--chat &lt;id&gt;</c>, a positive whole number.</summary>
    public static Option<long> Id(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "id",
        Required = true,
        CustomParser = result => ParseId(result, name) ?? 0,
    };

    /// <summary>An optional id.</summary>
    public static Option<long?> OptionalId(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "id",
        CustomParser = result => ParseId(result, name),
    };

    /// <summary><c>--assignee &lt;agentId|none&gt;</c>: null is "none" (unassign).</summary>
    public static Option<OrNone<long>> Assignee() => new("--assignee")
    {
        Description = "The agent to assign, or 'none' to leave the chat unassigned.",
        HelpName = "agentId|none",
        Required = true,
        CustomParser = result => string.Equals(Single(result), "none", StringComparison.OrdinalIgnoreCase)
            ? default
            : new(ParseId(result, "--assignee", "an agent id (a positive whole number) or 'none'")),
    };

    public static Option<string> Text(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        HelpName = "text",
        Required = required,
    };

    public static Option<int?> Offset() => new("--offset")
    {
        Description = "Skip this many items (not with --all, which starts at the first).",
        HelpName = "n",
        CustomParser = result => ParseInt(result, "--offset", 0, int.MaxValue),
    };

    public static Option<int?> Limit() => new("--limit")
    {
        Description = "Items per page, 1 to 100 (the API's default is 100).",
        HelpName = "n",
        CustomParser = result => ParseInt(result, "--limit", 1, 100),
    };

    /// <summary><c>--all</c> reads from the first item: an <c>--offset</c> beside it is refused rather than ignored.</summary>
    public static void AllStartsAtTheFirstItem(Command command, Option<int?> offset, Option<bool> all) =>
        command.Validators.Add(result =>
        {
            if (result.GetResult(offset) is not null && result.GetResult(all) is not null)
            {
                result.AddError("--offset cannot be combined with --all (which reads every page from the first).");
            }
        });

    public static Option<bool> All() => new("--all") { Description = "Every page, printed as it arrives; progress on stderr." };

    public static Option<SortOrder?> Order() => Known<SortOrder>("--order", "Sort direction.", v => new SortOrder(v.ToLowerInvariant()), v => v.IsKnown, "asc", "desc");

    /// <summary>
    /// An option whose value is one of an API enum's known values (<paramref name="shown"/> lists them in
    /// help and errors); a value the API does not document is refused before anything is sent.
    /// </summary>
    public static Option<T?> Known<T>(string name, string description, Func<string, T> create, Func<T, bool> isKnown, params string[] shown)
        where T : struct => new(name)
    {
        Description = description + " One of: " + string.Join(", ", shown) + ".",
        HelpName = string.Join('|', shown),
        CustomParser = result =>
        {
            string text = Single(result);
            T value = create(text);
            if (text.Length > 0 && isKnown(value))
            {
                return value;
            }

            result.AddError($"invalid {name} '{text}': expected one of {string.Join(", ", shown)}.");
            return null;
        },
    };

    /// <summary>
    /// Shape checks only; the client itself enforces "https, or http on loopback". The URL is not
    /// echoed when it holds user info, which may be a password.
    /// </summary>
    public static Uri? ParseBaseUrl(ArgumentResult result)
    {
        string text = Single(result);
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            result.AddError($"invalid base URL '{text}': expected an absolute http(s) URL such as https://api.helpcrunch.com/v1.");
            return null;
        }

        if (parsed.UserInfo.Length != 0)
        {
            result.AddError("invalid base URL: it must not contain user info; put the key in HELPCRUNCH_API_KEY instead.");
            return null;
        }

        if (parsed.Query.Length != 0 || parsed.Fragment.Length != 0)
        {
            result.AddError($"invalid base URL '{text}': it must not contain a query or fragment.");
            return null;
        }

        return parsed;
    }

    public static string Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;

    private static long? ParseId(ArgumentResult result, string name, string expected = "a positive whole number")
    {
        string text = Single(result);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0)
        {
            return id;
        }

        result.AddError($"invalid {name} '{text}': expected {expected}.");
        return null;
    }

    private static int? ParseInt(ArgumentResult result, string name, int min, int max)
    {
        string text = Single(result);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"invalid {name} '{text}': expected a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return null;
    }
}
