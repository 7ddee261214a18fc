using System;
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Sits between YamlDotNet's parser and its node model, event by event, and turns every way the text can be
/// unreadable into a <see cref="YamlException"/> at a position in the original text:
/// <list type="bullet">
/// <item>failures inside YamlDotNet that are not <see cref="YamlException"/> (an unclosed flow collection mid-file
/// throws InvalidOperationException from the scanner) are reported at the scanner's position;</item>
/// <item>nesting deeper than <see cref="MaxDepth"/> (the readers and YamlDotNet's loader recurse per level);</item>
/// <item>aliases that are undefined, that refer to a node containing them (a cycle would make every recursive walk
/// endless), or that expand to more than <see cref="MaxAliasNodes"/> nodes or deeper than <see cref="MaxDepth"/>
/// ("billion laughs": YamlDotNet shares the node, but each reader walk visits it once per reference);</item>
/// <item>a second document in the file (js-yaml, which Redocly uses, refuses that too).</item>
/// </list>
/// Marks are mapped back through <see cref="TextEdits"/> when the text was edited before parsing.
/// </summary>
internal sealed class YamlGuard : IParser
{
    /// <summary>PyYAML reads about 490 nested collections, js-yaml 100: read at least what they read.</summary>
    public const int MaxDepth = 500;

    /// <summary>Nodes that aliases may add to the document, counted as if every alias were a copy.</summary>
    public const long MaxAliasNodes = 1_000_000;

    private readonly IParser _parser;
    private readonly IScanner _scanner;
    private readonly TextEdits _edits;
    private readonly List<Frame> _open = [];
    private Dictionary<string, Shape>? _anchors;
    private long _aliasNodes;
    private int _documents;

    public YamlGuard(IScanner scanner, TextEdits edits)
    {
        _scanner = scanner;
        _parser = new Parser(scanner);
        _edits = edits;
    }

    public ParsingEvent? Current { get; private set; }

    /// <summary>Where parsing stands, in the original text: the end of the last event.</summary>
    public Mark Position => Current?.End ?? _edits.Map(_scanner.CurrentPosition);

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = _parser.MoveNext();
        }
        catch (YamlException ex)
        {
            // A few scanner errors carry no position (a tab as indentation): the scanner stands at the culprit.
            bool unplaced = ex.Start.Equals(Mark.Empty) && ex.End.Equals(Mark.Empty);
            Mark start = unplaced ? _scanner.CurrentPosition : ex.Start;
            Mark end = unplaced ? _scanner.CurrentPosition : ex.End;
            throw new YamlException(_edits.Map(start), _edits.Map(end), ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Mark at = _edits.Map(_scanner.CurrentPosition);
            throw new YamlException(at, at, Unreadable(ex), ex);
        }

        ParsingEvent? current = moved ? _parser.Current : null;
        if (current is not null)
        {
            Check(current);
            current = _edits.IsEmpty ? current : Remap(current);
        }

        Current = current;
        return moved;
    }

    private void Check(ParsingEvent current)
    {
        // NestingIncrease sorts events cheaply: +1 opens a document or a collection, -1 closes one, 0 is the rest.
        switch (current.NestingIncrease)
        {
            case 0 when current is Scalar scalar:
                Completed(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, new Shape(1, 1));
                break;
            case 0 when current is AnchorAlias alias:
                Completed(null, Resolve(alias));
                break;
            case 1 when current is MappingStart or SequenceStart:
                Opened((NodeEvent)current);
                break;
            case 1 when current is DocumentStart && ++_documents > 1:
                throw Error(current, "A spec holds one YAML document, and a second one starts here");
            case -1 when current is MappingEnd or SequenceEnd:
                Frame closed = _open[_open.Count - 1];
                _open.RemoveAt(_open.Count - 1);
                Completed(closed.Anchor, new Shape(closed.Nodes, closed.Height));
                break;
        }
    }

    private void Opened(NodeEvent node)
    {
        if (_open.Count + 1 > MaxDepth)
        {
            throw Error(node, $"The YAML nests collections more than {MaxDepth} levels deep");
        }

        char? flow = node switch
        {
            MappingStart { Style: MappingStyle.Flow } => '{',
            SequenceStart { Style: SequenceStyle.Flow } => '[',
            _ => null,
        };
        _open.Add(new Frame(node.Anchor.IsEmpty ? null : node.Anchor.Value, flow, node.Start));
    }

    private Shape Resolve(AnchorAlias alias)
    {
        string name = alias.Value.Value;
        if (_anchors is null || !_anchors.TryGetValue(name, out Shape shape))
        {
            throw _open.Exists(frame => frame.Anchor == name)
                ? Error(alias, $"The alias '*{name}' refers to a node that contains it")
                : Error(alias, $"The alias '*{name}' refers to no anchor defined before it");
        }

        if (_open.Count == 0)
        {
            throw Error(alias, "A document cannot be only an alias");
        }

        _aliasNodes += shape.Nodes;
        if (_aliasNodes > MaxAliasNodes)
        {
            throw Error(alias, $"The aliases expand to more than {MaxAliasNodes} nodes");
        }

        if (_open.Count + shape.Height > MaxDepth)
        {
            throw Error(alias, $"The alias '*{name}' nests collections more than {MaxDepth} levels deep");
        }

        return shape;
    }

    private void Completed(string? anchor, Shape shape)
    {
        if (anchor is not null)
        {
            (_anchors ??= new Dictionary<string, Shape>(StringComparer.Ordinal))[anchor] = shape;
        }

        if (_open.Count > 0)
        {
            Frame parent = _open[_open.Count - 1];
            parent.Nodes += shape.Nodes;
            parent.Height = Math.Max(parent.Height, shape.Height + 1);
            _open[_open.Count - 1] = parent;
        }
    }

    /// <summary>A clear message for a failure inside YamlDotNet that is not a <see cref="YamlException"/>.</summary>
    public string Unreadable(Exception ex)
    {
        // YamlDotNet's scanner fails this way inside a flow collection that is never closed.
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Flow is { } opening)
            {
                Mark at = _edits.Map(_open[i].Start);
                return $"The flow collection '{opening}' opened at line {at.Line}, column {at.Column} is not closed";
            }
        }

        return $"YAML that cannot be read here ({ex.GetType().Name}: {ex.Message})";
    }

    private YamlException Error(ParsingEvent at, string message) => new(_edits.Map(at.Start), _edits.Map(at.End), message);

    private ParsingEvent Remap(ParsingEvent e)
    {
        Mark start = _edits.Map(e.Start);
        Mark end = _edits.Map(e.End);
        return e switch
        {
            Scalar s => new Scalar(s.Anchor, s.Tag, s.Value, s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, start, end, s.IsKey),
            MappingStart m => new MappingStart(m.Anchor, m.Tag, m.IsImplicit, m.Style, start, end),
            SequenceStart q => new SequenceStart(q.Anchor, q.Tag, q.IsImplicit, q.Style, start, end),
            MappingEnd => new MappingEnd(start, end),
            SequenceEnd => new SequenceEnd(start, end),
            AnchorAlias a => new AnchorAlias(a.Value, start, end),
            DocumentStart d => new DocumentStart(d.Version, d.Tags, d.IsImplicit, start, end),
            DocumentEnd d => new DocumentEnd(d.IsImplicit, start, end),
            StreamStart => new StreamStart(start, end),
            StreamEnd => new StreamEnd(start, end),
            Comment c => new Comment(c.Value, c.IsInline, start, end),
            _ => e,
        };
    }

    /// <summary>How much a node weighs when an alias repeats it: its node count and its nesting height.</summary>
    private readonly record struct Shape(long Nodes, int Height);

    /// <summary>An open collection: its anchor, its opening bracket when in flow style, where it starts.</summary>
    private record struct Frame(string? Anchor, char? Flow, Mark Start)
    {
        public long Nodes { get; set; } = 1;

        public int Height { get; set; } = 1;
    }
}
