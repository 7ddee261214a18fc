using System.Collections.Generic;
using YamlDotNet.Core;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Removals (or, with a negative count, insertions of spaces) made to a spec's text before parsing, at the start
/// of lines, so that marks in the edited text can be mapped back to the text the user wrote. Line numbers are
/// unchanged. Edits made on already edited text chain to the earlier ones.
/// </summary>
internal sealed class TextEdits
{
    public static readonly TextEdits None = new([], null);

    // In edited-text order: where the removed characters were (edited index), on which line, how many.
    private readonly List<Removal> _removals;
    private readonly TextEdits? _earlier;

    public TextEdits(List<Removal> removals, TextEdits? earlier)
    {
        _removals = removals;
        _earlier = earlier is { IsEmpty: false } ? earlier : null;
    }

    public bool IsEmpty => _removals.Count == 0 && _earlier is null;

    public Mark Map(Mark mark) => _earlier is null ? MapOwn(mark) : _earlier.Map(MapOwn(mark));

    private Mark MapOwn(Mark mark)
    {
        if (_removals.Count == 0)
        {
            return mark;
        }

        // The last removal at or before the mark: removals are sorted, at most one per line, at the line's start.
        int low = 0, high = _removals.Count - 1, last = -1;
        while (low <= high)
        {
            int middle = (low + high) >> 1;
            if (_removals[middle].Index <= mark.Index)
            {
                last = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (last < 0)
        {
            return mark;
        }

        Removal removal = _removals[last];
        long column = removal.Line == mark.Line ? mark.Column + removal.Count : mark.Column;
        return new Mark(mark.Index + removal.RemovedUpToHere, mark.Line, column);
    }

    /// <param name="Index">Edited-text index where the removed characters stood.</param>
    /// <param name="Line">1-based line of the removal.</param>
    /// <param name="Count">Characters removed there.</param>
    /// <param name="RemovedUpToHere">Characters removed by this and all earlier removals.</param>
    internal readonly record struct Removal(long Index, long Line, int Count, long RemovedUpToHere);
}
