using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>Turns spec names (<c>no communication</c>, <c>public_api</c>, <c>userId</c>) into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// <c>no communication</c> → <c>NoCommunication</c>; <c>userId</c> → <c>UserId</c>; <c>2fa</c> → <c>_2fa</c>;
    /// <c>!=</c> → <c>NotEqual</c> (see <see cref="SymbolNames"/>).
    /// </summary>
    public static string ToPascalCase(string name)
    {
        StringBuilder builder = Words(name);
        if (builder.Length == 0)
        {
            return name.Length == 0 ? "Empty" : SymbolNames.Spell(name) ?? "Value";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        string identifier = builder.ToString();
        return SyntaxFacts.IsValidIdentifier(identifier) ? identifier : "Value";
    }

    /// <summary>The words of <paramref name="name"/> to append to an identifier: <c>404</c> → <c>404</c>, <c>default</c> → <c>Default</c>.</summary>
    public static string ToPascalCaseSuffix(string name) => Words(name).ToString();

    private static StringBuilder Words(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (IsWordCharacter(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                // Separators (space, '-', '_', '.', '[' …) start a new word and are dropped.
                upperNext = true;
            }
        }

        return builder;
    }

    /// <summary><c>chat_id</c> → <c>chatId</c>; keywords are escaped: <c>class</c> → <c>@class</c>.</summary>
    public static string ToCamelCase(string name)
    {
        string pascal = ToPascalCase(name);
        string camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(SyntaxFacts.IsValidIdentifier(camel) ? camel : pascal);
    }

    /// <summary>
    /// What a C# identifier may hold (letters, digits, letter-numbers, combining marks) except connectors such as
    /// '_' (separators here), formatting characters (C# ignores them when comparing names, so two spec names would
    /// collide unseen) and surrogates (Roslyn takes no identifier character outside the BMP).
    /// </summary>
    private static bool IsWordCharacter(char c) =>
        SyntaxFacts.IsIdentifierPartCharacter(c)
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format);

    /// <summary>
    /// Escapes keywords, and contextual keywords too: <c>await</c> is reserved in the async methods a parameter
    /// lives in, and a parameter named <c>nameof</c> would turn <c>nameof(x)</c> into a call. <c>@where</c> is
    /// still <c>where</c> to callers.
    /// </summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    public static bool IsValidIdentifier(string value) => SyntaxFacts.IsValidIdentifier(value);

    /// <summary>A valid identifier that needs no <c>@</c>: what a type or member can be named as written.</summary>
    public static bool IsPlainIdentifier(string value) =>
        SyntaxFacts.IsValidIdentifier(value) && SyntaxFacts.GetKeywordKind(value) == SyntaxKind.None;

    /// <summary>A dotted namespace whose every part is a valid identifier and not a keyword.</summary>
    public static bool IsValidNamespace(string value)
    {
        foreach (string part in value.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
