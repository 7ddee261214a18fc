using System;
using System.Globalization;
using System.Text;

namespace HelpCrunch.Cli.Output;

/// <summary>Server text made safe and short for a terminal.</summary>
internal static class Terminal
{
    /// <summary>
    /// Control characters (newlines, escape sequences) become spaces and runs of white space collapse,
    /// so a hostile name cannot move the cursor or fake a line; null for null or blank.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value.Trim())
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && text.Length > 0)
            {
                text.Append(' ');
            }

            space = false;
            text.Append(c);
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>At most <paramref name="width"/> characters, ending in "..." when cut.</summary>
    public static string Fit(string value, int width) =>
        value.Length <= width ? value : string.Concat(value.AsSpan(0, Math.Max(0, width - 3)).TrimEnd(), "...");

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
