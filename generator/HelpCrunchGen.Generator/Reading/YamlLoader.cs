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

        // YamlDotNet reads a leading byte order mark as content (the first key would start with it); js-yaml
        // skips it. Roslyn strips it when it decodes a file, so it only gets here inside a string.
        TextEdits edits = TextEdits.None;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
            edits = new TextEdits([new TextEdits.Removal(0, 1, 1, 1)], null);
        }

        YamlNode? root = null;
        bool blockScalarsDone = false;
        for (int attempt = 0; attempt <= MaxWorkarounds; attempt++)
        {
            root = Parse(text, edits, out error, out Mark rawStart);
            if (error is null)
            {
                break;
            }

            // Text is edited only where YamlDotNet refused it, and positions are mapped back to the original.
            string? edited = null;
            if (!blockScalarsDone && BlockScalarWorkaround.IsItsBug(error.Message))
            {
                blockScalarsDone = true;
                edited = BlockScalarWorkaround.Apply(text, ref edits);
            }
            else if (QuotedScalarWorkaround.IsItsBug(error.Message))
            {
                edited = QuotedScalarWorkaround.Apply(text, rawStart, ref edits);
            }

            if (edited is null)
            {
                break;
            }

            text = edited;
        }

        // Merge keys need a walk over every node: only when the text may hold one.
        if (root is not null && text.IndexOf("<<", StringComparison.Ordinal) >= 0 && YamlMergeKeys.Apply(root) is { } mergeError)
        {
            error = mergeError;
            return null;
        }

        return root;
    }

    // Each quoted scalar YamlDotNet refuses costs a parse: bounded, the last failure is then reported.
    private const int MaxWorkarounds = 20;

    /// <param name="rawStart">The error's start in <paramref name="text"/> itself (before mapping), for workarounds.</param>
    private static YamlNode? Parse(string text, TextEdits edits, out YamlError? error, out Mark rawStart)
    {
        error = null;
        rawStart = Mark.Empty;
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
            rawStart = (ex.InnerException as YamlException)?.Start ?? Mark.Empty;
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
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((uint)(c - 0x20) < 0x5F || c is '\n' or '\r' or '\t')
            {
                continue; // printable ASCII and line breaks: nearly every character of a spec
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c < 0x20 || char.IsSurrogate(c) || c is (>= '\u007F' and <= '\u0084') or (>= '\u0086' and <= '\u009F') or '\uFFFE' or '\uFFFF')
            {
                return NonPrintableAt(text, i);
            }
        }

        return null;
    }

    private static YamlError NonPrintableAt(string text, int index)
    {
        // Lines as YamlDotNet counts them: \n, \r\n or a lone \r ends one.
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var start = new Mark(index, line, index - lineStart + 1);
        var end = new Mark(index + 1, line, index - lineStart + 2);
        return new YamlError(start, end, $"The text contains the non-printable character U+{(int)text[index]:X4}");
    }
}

/// <summary>Why a spec's text is not readable YAML, and where (YamlDotNet marks: 1-based lines and columns).</summary>
internal sealed class YamlError(Mark start, Mark end, string message)
{
    public Mark Start { get; } = start;

    public Mark End { get; } = end;

    public string Message { get; } = message;
}
