namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Recognises numbers in spec text by the JSON grammar, never by the current culture: <c>1,5</c> is not a
/// number in fi-FI either, and <c>NaN</c>, <c>Infinity</c> or <c>0x10</c> are strings.
/// </summary>
internal static class JsonNumbers
{
    /// <summary><c>-?(0|[1-9][0-9]*)</c>.</summary>
    public static bool IsInteger(string text)
    {
        int end = ReadInteger(text, 0);
        return end > 0 && end == text.Length;
    }

    /// <summary><c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsNumber(string text)
    {
        int i = ReadInteger(text, 0);
        if (i < 0)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            int digits = ReadDigits(text, i + 1);
            if (digits == i + 1)
            {
                return false;
            }

            i = digits;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            int digits = ReadDigits(text, i);
            if (digits == i)
            {
                return false;
            }

            i = digits;
        }

        return i == text.Length;
    }

    /// <summary>The index after an optional minus and an integer without leading zeros, or -1.</summary>
    private static int ReadInteger(string text, int start)
    {
        int i = start < text.Length && text[start] == '-' ? start + 1 : start;
        if (i >= text.Length || text[i] is < '0' or > '9')
        {
            return -1;
        }

        return text[i] == '0' ? i + 1 : ReadDigits(text, i);
    }

    private static int ReadDigits(string text, int start)
    {
        int i = start;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        return i;
    }
}
