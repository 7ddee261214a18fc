using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Works around YamlDotNet's scanner rejecting valid block scalars whose leading lines hold only spaces
/// (aaubry/YamlDotNet#523 "found extra spaces in first line", #535 for an all-blank block, and the folded
/// variant "found more spaces in lines above first content line"): <c>Body: |\n      \n      text</c>.
/// js-yaml and PyYAML read them. Those spaces are indentation, not content, so removing them keeps the value.
/// <see cref="YamlLoader"/> applies this only after YamlDotNet failed with one of those messages, so text
/// YamlDotNet reads is never touched; the removals are recorded to map positions back.
/// </summary>
internal static class BlockScalarWorkaround
{
    // A line ending in a block scalar header with no explicit indentation indicator (with one, YamlDotNet
    // does not guess the indentation and has no bug): "key: |", "- >-", "!!str |+ # comment".
    private static readonly Regex s_header = new(
        @"(?:^|[ \t])[|>][+-]?(?:[ \t]+#.*)?[ \t]*$",
        RegexOptions.CultureInvariant);

    public static bool IsItsBug(string message) =>
        message.Contains("found extra spaces in first line")
        || message.Contains("found more spaces in lines above first content line");

    /// <param name="text">The text, after <paramref name="edits"/> (a byte order mark removed at its start).</param>
    /// <param name="edits">The edits made so far; on return, those and the ones made here.</param>
    public static string Apply(string text, ref TextEdits edits)
    {
        List<string> lines = SplitLines(text);
        var removals = new List<TextEdits.Removal>();
        var edited = new StringBuilder(text.Length);
        long removed = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            edited.Append(lines[i]);
            if (!s_header.IsMatch(Content(lines[i])))
            {
                continue;
            }

            // The header's own indentation (past "- " entries), and that of the first line with content after it.
            int headerIndent = IndentPastEntries(lines[i]);
            int first = i + 1;
            while (first < lines.Count && IsBlank(lines[first]))
            {
                first++;
            }

            int contentIndent = first < lines.Count ? Spaces(lines[first]) : 0;
            bool emptyBlock = contentIndent <= headerIndent;
            for (int j = i + 1; j < first; j++)
            {
                int spaces = Spaces(lines[j]);
                // A leading line with more spaces than the content is an error (YAML 1.2 §8.1.1.1): keep it one.
                if (spaces > 0 && (emptyBlock || spaces <= contentIndent))
                {
                    removed += spaces;
                    removals.Add(new TextEdits.Removal(edited.Length, j + 1, spaces, removed));
                    edited.Append(lines[j], spaces, lines[j].Length - spaces);
                }
                else
                {
                    edited.Append(lines[j]);
                }
            }

            i = first - 1;
        }

        edits = new TextEdits(removals, edits);
        return edited.ToString();
    }

    // Lines with their line breaks (\n, \r\n or \r, as YamlDotNet counts them).
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    private static string Content(string line) => line.TrimEnd('\r', '\n');

    private static bool IsBlank(string line)
    {
        foreach (char c in line)
        {
            if (c is not (' ' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static int Spaces(string line)
    {
        int count = 0;
        while (count < line.Length && line[count] == ' ')
        {
            count++;
        }

        return count;
    }

    private static int IndentPastEntries(string line)
    {
        int at = Spaces(line);
        while (at + 1 < line.Length && line[at] == '-' && line[at + 1] == ' ')
        {
            at += 2;
            while (at < line.Length && line[at] == ' ')
            {
                at++;
            }
        }

        return at;
    }
}
