using System.Globalization;
using System.Text;

namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>
/// Writes a <see cref="YNode"/> tree as block-style YAML. Quoted scalars are double-quoted and escape only
/// what YAML cannot hold raw (controls, line separators, lone surrogates), so bidi marks, zero-width
/// characters, combining marks and emoji reach the parser as they are.
/// </summary>
internal static class YamlTextWriter
{
    public static string Write(YNode root)
    {
        var builder = new StringBuilder();
        if (root is YMap { Entries.Count: > 0 } map && root.Anchor is null)
        {
            WriteEntries(builder, map, 0);
        }
        else if (root is YSeq { Items.Count: > 0 } seq && root.Anchor is null)
        {
            WriteItems(builder, seq, 0);
        }
        else
        {
            WriteInline(builder, root);
            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static void WriteEntries(StringBuilder builder, YMap map, int indent)
    {
        foreach (YEntry entry in map.Entries)
        {
            builder.Append(' ', indent);
            if (entry.Key is YScalar key)
            {
                builder.Append(Scalar(key));
            }
            else
            {
                // A complex key: YAML allows it in flow form behind "? ".
                builder.Append("? ");
                WriteInline(builder, entry.Key);
                builder.Append('\n').Append(' ', indent);
            }

            builder.Append(':');
            WriteValue(builder, entry.Value, indent);
        }
    }

    private static void WriteItems(StringBuilder builder, YSeq seq, int indent)
    {
        foreach (YNode item in seq.Items)
        {
            builder.Append(' ', indent).Append('-');
            WriteValue(builder, item, indent);
        }
    }

    /// <summary>Writes a value after "key:" or "-": inline when small, else on the following lines, indented.</summary>
    private static void WriteValue(StringBuilder builder, YNode node, int indent)
    {
        switch (node)
        {
            case YMap { Entries.Count: > 0 } map:
                AppendAnchor(builder, map);
                builder.Append('\n');
                WriteEntries(builder, map, indent + 2);
                break;
            case YSeq { Items.Count: > 0 } seq:
                AppendAnchor(builder, seq);
                builder.Append('\n');
                WriteItems(builder, seq, indent + 2);
                break;
            case YScalar { Plain: true, Value.Length: 0, Anchor: null }:
                builder.Append('\n');
                break;
            default:
                builder.Append(' ');
                WriteInline(builder, node);
                builder.Append('\n');
                break;
        }
    }

    /// <summary>Flow style, on one line.</summary>
    private static void WriteInline(StringBuilder builder, YNode node)
    {
        if (node.Anchor is not null)
        {
            builder.Append('&').Append(node.Anchor).Append(' ');
        }

        switch (node)
        {
            case YAlias alias:
                builder.Append('*').Append(alias.Name);
                break;
            case YScalar scalar:
                builder.Append(scalar is { Plain: true, Value.Length: 0 } ? "null" : Scalar(scalar));
                break;
            case YSeq seq:
                builder.Append('[');
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    WriteInline(builder, seq.Items[i]);
                }

                builder.Append(']');
                break;
            case YMap map:
                builder.Append('{');
                for (int i = 0; i < map.Entries.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    WriteInline(builder, map.Entries[i].Key);
                    builder.Append(": ");
                    WriteInline(builder, map.Entries[i].Value);
                }

                builder.Append('}');
                break;
        }
    }

    private static void AppendAnchor(StringBuilder builder, YNode node)
    {
        if (node.Anchor is not null)
        {
            builder.Append(" &").Append(node.Anchor);
        }
    }

    private static string Scalar(YScalar scalar) =>
        scalar.Plain && IsPlainSafe(scalar.Value) ? scalar.Value : Quote(scalar.Value);

    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || value[0] is ' ' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*'
                or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`'
            || (value[0] == '-' && (value.Length == 1 || value[1] == ' '))
            || value[^1] is ' ' or ':'
            || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        return value.All(c => c is >= ' ' and <= '~');
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool pairedSurrogate = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pairedSurrogate)
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < ' ' || c is '\u007F' || (c >= '\u0080' && c <= '\u009F') || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
