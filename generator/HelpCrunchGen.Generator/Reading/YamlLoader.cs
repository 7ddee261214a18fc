using System;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Loads a spec's YAML (or JSON) text into YamlDotNet's node model. Anything unreadable comes back as one
/// <see cref="YamlError"/> at its position in the text, never as an exception (cancellation aside).
/// </summary>
internal static class YamlLoader
{
    public static YamlNode? Load(string text, out YamlError? error)
    {
        error = NonPrintable(text);
        if (error is not null)
        {
            return null;
        }

        YamlNode? root = Parse(text, TextEdits.None, out error);
        if (error is not null && BlockScalarWorkaround.IsItsBug(error.Message))
        {
            // Only text YamlDotNet refused is edited, and positions are mapped back to the original.
            string edited = BlockScalarWorkaround.Apply(text, out TextEdits edits);
            if (!edits.IsEmpty)
            {
                root = Parse(edited, edits, out YamlError? second);
                error = second;
            }
        }

        return root;
    }

    private static YamlNode? Parse(string text, TextEdits edits, out YamlError? error)
    {
        error = null;
        // A simple key may be longer than YamlDotNet's default 1024 characters: js-yaml reads such keys.
        var guard = new YamlGuard(new Scanner(new StringReader(text), skipComments: true, maxKeySize: int.MaxValue), edits);
        try
        {
            var stream = new YamlStream();
            stream.Load(guard);
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException ex)
        {
            // The guard maps the parser's marks; YamlDotNet's node model (a duplicate key) uses mapped node marks.
            error = new YamlError(ex.Start, ex.End, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // YamlDotNet's node model failing on events the guard let through: still the YAML's fault, reported
            // where the parser stood.
            error = new YamlError(guard.Position, guard.Position, guard.Unreadable(ex));
            return null;
        }
    }

    /// <summary>
    /// YAML allows only printable characters (YAML 1.2 §5.1), as js-yaml and PyYAML enforce; YamlDotNet accepts
    /// most control characters and stops somewhere after a NUL. Lone UTF-16 surrogates are refused too.
    /// </summary>
    private static YamlError? NonPrintable(string text)
    {
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool printable;
            if (c < 0x20)
            {
                printable = c is '\t' or '\n' or '\r';
                if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            else if (c < 0x7F)
            {
                continue;
            }
            else if (char.IsSurrogate(c))
            {
                printable = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (printable)
                {
                    i++;
                    continue;
                }
            }
            else
            {
                printable = c is not ((>= '\u007F' and <= '\u0084') or (>= '\u0086' and <= '\u009F') or '\uFFFE' or '\uFFFF');
            }

            if (!printable)
            {
                var start = new Mark(i, line, i - lineStart + 1);
                var end = new Mark(i + 1, line, i - lineStart + 2);
                return new YamlError(start, end, $"The text contains the non-printable character U+{(int)c:X4}");
            }
        }

        return null;
    }
}

/// <summary>Why a spec's text is not readable YAML, and where (YamlDotNet marks: 1-based lines and columns).</summary>
internal sealed class YamlError(Mark start, Mark end, string message)
{
    public Mark Start { get; } = start;

    public Mark End { get; } = end;

    public string Message { get; } = message;
}
