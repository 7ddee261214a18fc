using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// The one way spec text enters a comment. C# ends a <c>///</c> line at <c>\r</c>, <c>\n</c>, U+0085, U+2028 and
/// U+2029, and whatever follows compiles as code; so every terminator becomes a new <c>///</c> line (or a space,
/// inline), every other character that could break the line or the XML is dropped, and the rest is XML-escaped.
/// </summary>
internal static class DocComments
{
    public static void WriteSummary(SourceWriter writer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        writer.WriteLine("/// <summary>");
        WriteParagraph(writer, text!);
        writer.WriteLine("/// </summary>");
    }

    /// <summary>Writes <paramref name="text"/> as <c>///</c> lines, one per line of the text.</summary>
    public static void WriteParagraph(SourceWriter writer, string text)
    {
        List<string> lines = Lines(text).ConvertAll(l => l.TrimEnd());
        int first = lines.FindIndex(l => l.Length > 0);
        int last = lines.FindLastIndex(l => l.Length > 0);
        for (int i = first; i >= 0 && i <= last; i++)
        {
            string line = i == first ? lines[i].TrimStart() : lines[i];
            writer.WriteLine(line.Length == 0 ? "///" : "/// " + line);
        }
    }

    /// <summary>Spec text for inside an element on one <c>///</c> line: XML-escaped, line terminators as spaces.</summary>
    public static string Escape(string text) => string.Join(" ", Lines(text));

    /// <summary>Spec text for inside a double-quoted XML attribute on one <c>///</c> line.</summary>
    public static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;");

    /// <summary>A one-line description for inline use (param tags, remarks).</summary>
    public static string Inline(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(" ", Lines(text!).Where(l => l.Trim().Length > 0)).Trim();

    /// <summary>
    /// <c>[Obsolete]</c> for a deprecated property. A required one cannot carry it (CS9042): the caller must still
    /// set it, so its deprecation is said in a remark instead.
    /// </summary>
    public static void WriteDeprecation(SourceWriter writer, PropertySpec property)
    {
        if (!property.IsDeprecated)
        {
            return;
        }

        writer.WriteLine(property.IsRequired
            ? "/// <remarks>Deprecated in the API specification.</remarks>"
            : "[__Sys::Obsolete(\"Deprecated in the API specification.\")]");
    }

    /// <summary>The text split at every C# line terminator, each line XML-escaped and cleaned.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsLineTerminator(c))
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(line.ToString());
                line.Clear();
            }
            else if (char.IsSurrogatePair(text, i))
            {
                line.Append(text, i++, 2);
            }
            else
            {
                AppendXml(line, c);
            }
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static void AppendXml(StringBuilder line, char c)
    {
        switch (c)
        {
            case '&':
                line.Append("&amp;");
                return;
            case '<':
                line.Append("&lt;");
                return;
            case '>':
                line.Append("&gt;");
                return;
            case '\t':
                line.Append(' ');
                return;
        }

        if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
        {
            line.Append('\uFFFD'); // not a character XML (or a UTF-8 file) can hold
        }
        else if (!IsDropped(c))
        {
            line.Append(c);
        }
    }

    /// <summary>Control characters (not allowed in XML) and bidirectional overrides (which make a comment read as something else).</summary>
    private static bool IsDropped(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Control
        || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
