using System.Collections.Generic;
using System.Text;
using YamlDotNet.Core;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Works around YamlDotNet refusing a multi-line double-quoted scalar whose continuation lines are indented
/// less than its key ("While scanning a multi-line double-quoted scalar, found wrong indentation", as in
/// christianhelle/refitter#486 on a published spec). PyYAML reads it; a single-quoted one YamlDotNet reads
/// too. A quoted scalar's line breaks fold and its continuation lines lose their leading spaces, so indenting
/// those lines keeps the value. Applied only after that failure, one scalar at a time; insertions are recorded.
/// </summary>
internal static class QuotedScalarWorkaround
{
    public static bool IsItsBug(string message) => message.Contains("multi-line double-quoted scalar, found wrong indentation");

    /// <param name="text">The text YamlDotNet parsed (after <paramref name="edits"/>).</param>
    /// <param name="scalarStart">YamlDotNet's start of the scalar, in <paramref name="text"/>: its opening quote.</param>
    /// <param name="edits">The edits so far; on return, chained with the ones made here.</param>
    /// <returns>The text with the scalar's continuation lines indented, or null when there is nothing to fix.</returns>
    public static string? Apply(string text, Mark scalarStart, ref TextEdits edits)
    {
        int open = (int)scalarStart.Index;
        if (open < 0 || open >= text.Length || text[open] != '"')
        {
            return null;
        }

        // Indenting the continuation lines as far as the opening quote is always deep enough.
        int indent = (int)scalarStart.Column - 1;
        var insertions = new List<TextEdits.Removal>();
        var edited = new StringBuilder(text.Length + 64);
        edited.Append(text, 0, open + 1);
        long inserted = 0;
        long line = scalarStart.Line;
        for (int i = open + 1; i < text.Length; i++)
        {
            char c = text[i];
            edited.Append(c);
            if (c == '\\' && i + 1 < text.Length && text[i + 1] != '\n' && text[i + 1] != '\r')
            {
                edited.Append(text[++i]);
            }
            else if (c == '"')
            {
                edited.Append(text, i + 1, text.Length - i - 1);
                break;
            }
            else if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                int spaces = 0;
                while (i + 1 + spaces < text.Length && text[i + 1 + spaces] == ' ')
                {
                    spaces++;
                }

                if (spaces < indent)
                {
                    inserted += indent - spaces;
                    insertions.Add(new TextEdits.Removal(edited.Length, line, spaces - indent, -inserted));
                    edited.Append(' ', indent - spaces);
                }
            }
        }

        if (insertions.Count == 0)
        {
            return null;
        }

        edits = new TextEdits(insertions, edits);
        return edited.ToString();
    }
}
