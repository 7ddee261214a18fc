using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>Turns spec names (<c>no communication</c>, <c>public_api</c>, <c>userId</c>) into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary><c>no communication</c> → <c>NoCommunication</c>; <c>userId</c> → <c>UserId</c>; <c>2fa</c> → <c>_2fa</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
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

        if (builder.Length == 0)
        {
            return name.Length == 0 ? "Empty" : "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary><c>chat_id</c> → <c>chatId</c>; keywords are escaped: <c>class</c> → <c>@class</c>.</summary>
    public static string ToCamelCase(string name)
    {
        string pascal = ToPascalCase(name);
        string camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
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
