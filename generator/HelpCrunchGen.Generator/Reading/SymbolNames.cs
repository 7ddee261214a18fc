using System.Collections.Generic;
using System.Text;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Names for spec values made only of symbols, such as the operators <c>=</c>, <c>!=</c> and <c>&lt;=</c>.
/// Dropping the symbols as separators would leave nothing (and every such value would share one name),
/// so each symbol is spelled out: <c>!=</c> → <c>NotEqual</c>, <c>&lt;=</c> → <c>LessEqual</c>, <c>~</c> → <c>Tilde</c>.
/// </summary>
internal static class SymbolNames
{
    private static readonly Dictionary<char, string> s_words = new()
    {
        ['!'] = "Not", ['='] = "Equal", ['<'] = "Less", ['>'] = "Greater", ['~'] = "Tilde", ['+'] = "Plus",
        ['-'] = "Minus", ['*'] = "Star", ['/'] = "Slash", ['\\'] = "Backslash", ['%'] = "Percent", ['&'] = "And",
        ['|'] = "Or", ['^'] = "Caret", ['.'] = "Dot", [','] = "Comma", [':'] = "Colon", [';'] = "Semicolon",
        ['?'] = "Question", ['@'] = "At", ['#'] = "Hash", ['$'] = "Dollar", ['('] = "OpenParen", [')'] = "CloseParen",
        ['['] = "OpenBracket", [']'] = "CloseBracket", ['{'] = "OpenBrace", ['}'] = "CloseBrace", ['\''] = "Quote",
        ['"'] = "DoubleQuote", ['`'] = "Backtick", ['_'] = "Underscore",
    };

    /// <summary>The spelled-out name of a value without letters or digits; null for any other value.</summary>
    public static string? Spell(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (char c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                return null;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue; // separators, as in any other name
            }

            builder.Append(s_words.TryGetValue(c, out string? word) ? word : "U" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
