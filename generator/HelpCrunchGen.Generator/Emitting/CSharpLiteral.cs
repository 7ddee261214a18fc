using System.Globalization;
using System.Text;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// The one way spec text enters code: a C# string literal that holds the text exactly and shows every character
/// that is invisible, ends a line or reorders the display (Trojan Source) as an escape, never as itself.
/// </summary>
/// <remarks>
/// A lone surrogate becomes U+FFFD, as a file decoder would have made it: a <c>"…"u8</c> literal cannot hold
/// one (CS9026), and <c>JsonEncodedText.Encode</c> throws on one, so no wire name or value can contain it.
/// </remarks>
internal static class CSharpLiteral
{
    /// <summary><c>"…"</c>, a <see cref="string"/>.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsSurrogatePair(value, i))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }

            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\0': builder.Append("\\0"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        builder.Append("\\ufffd");
                    }
                    else if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary><c>"…"u8</c>, the UTF-8 bytes of the same text.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    private static bool NeedsEscape(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned => true,
        UnicodeCategory.SpaceSeparator => c != ' ',
        _ => false,
    };
}
