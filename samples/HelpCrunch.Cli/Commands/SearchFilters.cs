using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using HelpCrunch.Api;

namespace HelpCrunch.Cli;

/// <summary>One <c>--filter</c>: a field (its wire name), an operator and a value.</summary>
internal sealed record FilterSpec(string Field, SearchOperator Operator, SearchFilterValue Value);

/// <summary>
/// <c>--filter &lt;field&gt;&lt;op&gt;&lt;value&gt;</c>, repeatable: <c>status=opened</c>,
/// <c>createdAt&gt;=2025-01-01</c>, <c>customer.email~@example.com</c>. The field may drop its
/// <c>chats.</c>/<c>customers.</c> prefix. Values: whole numbers and true/false as such, dates
/// (yyyy-MM-dd or ISO 8601) as Unix seconds, anything else as text.
/// </summary>
internal static class SearchFilters
{
    // Longest first, so that ">=" is not read as ">" followed by "=".
    private static readonly (string Text, SearchOperator Operator)[] Operators =
    [
        ("!=", SearchOperator.NotEqualTo), (">=", SearchOperator.GreaterThanOrEqualTo), ("<=", SearchOperator.LessThanOrEqualTo),
        ("!~", SearchOperator.DoesNotContain), ("=", SearchOperator.EqualTo), (">", SearchOperator.GreaterThan),
        ("<", SearchOperator.LessThan), ("~", SearchOperator.Contains),
    ];

    /// <param name="prefix"><c>chats.</c> or <c>customers.</c></param>
    /// <param name="isKnownField">Whether a full wire name is a searchable field.</param>
    public static Option<FilterSpec[]> Option(string prefix, Func<string, bool> isKnownField, string examples) => new("--filter")
    {
        Description = $"A search condition <field><op><value>, repeatable; op is one of = != > < >= <= ~ (contains) !~. Fields without the '{prefix}' prefix, e.g. {examples}.",
        HelpName = "condition",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => Parse(result, prefix, isKnownField),
    };

    public static SearchFilterValue Value(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return number;
        }

        if (bool.TryParse(text, out bool flag))
        {
            return flag;
        }

        if (text.Length >= 10 && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            return time;
        }

        return text;
    }

    private static FilterSpec[] Parse(ArgumentResult result, string prefix, Func<string, bool> isKnownField)
    {
        var filters = new List<FilterSpec>(result.Tokens.Count);
        foreach (Token token in result.Tokens)
        {
            if (TryParse(token.Value, prefix, isKnownField, out FilterSpec? filter, out string? error))
            {
                filters.Add(filter);
            }
            else
            {
                result.AddError(error);
            }
        }

        return [.. filters];
    }

    private static bool TryParse(
        string text,
        string prefix,
        Func<string, bool> isKnownField,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FilterSpec? filter,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        filter = null;
        int end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_'))
        {
            end++;
        }

        string name = text[..end];
        string field = name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name;
        if (name.Length == 0 || !isKnownField(field))
        {
            error = $"invalid --filter '{text}': '{name}' is not a searchable field.";
            return false;
        }

        foreach ((string op, SearchOperator searchOperator) in Operators)
        {
            if (string.CompareOrdinal(text, end, op, 0, op.Length) == 0)
            {
                string value = text[(end + op.Length)..];
                if (value.Length == 0)
                {
                    break;
                }

                filter = new FilterSpec(field, searchOperator, Value(value));
                error = null;
                return true;
            }
        }

        error = $"invalid --filter '{text}': expected <field><op><value> with op one of = != > < >= <= ~ !~.";
        return false;
    }
}
