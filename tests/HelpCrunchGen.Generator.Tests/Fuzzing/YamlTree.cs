using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>
/// A mutable YAML tree the mutator can freely rewire (YamlDotNet's own nodes cannot hold aliases to
/// anchors of our choosing). <see cref="YamlTextWriter"/> turns it back into text.
/// </summary>
internal abstract class YNode
{
    /// <summary>An anchor (<c>&amp;name</c>) written before the node, or null.</summary>
    public string? Anchor { get; set; }

    public abstract YNode Clone();

    public static YNode From(YamlDocument document) => From(document.RootNode, new Dictionary<YamlNode, YNode>(ReferenceEqualityComparer.Instance));

    // YamlDotNet resolves aliases to the same node object: the first copy wins, later ones are cloned so
    // that mutating one place never changes another.
    private static YNode From(YamlNode node, Dictionary<YamlNode, YNode> seen)
    {
        if (seen.ContainsKey(node))
        {
            return seen[node].Clone();
        }

        YNode result = node switch
        {
            YamlScalarNode scalar => new YScalar(scalar.Value ?? string.Empty, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is not null),
            YamlSequenceNode sequence => new YSeq(sequence.Children.Select(c => From(c, seen)).ToList()),
            YamlMappingNode mapping => new YMap(mapping.Children.Select(e => new YEntry(From(e.Key, seen), From(e.Value, seen))).ToList()),
            _ => new YScalar(string.Empty, plain: true),
        };
        seen[node] = result;
        return result;
    }
}

/// <summary>A scalar; <see cref="Plain"/> scalars keep YAML's implicit typing (<c>200</c>, <c>true</c>, <c>null</c>).</summary>
internal sealed class YScalar(string value, bool plain) : YNode
{
    public string Value { get; set; } = value;

    public bool Plain { get; set; } = plain;

    public override YNode Clone() => new YScalar(Value, Plain);
}

internal sealed class YSeq(List<YNode> items) : YNode
{
    public List<YNode> Items { get; } = items;

    public override YNode Clone() => new YSeq(Items.Select(i => i.Clone()).ToList());
}

internal sealed class YMap(List<YEntry> entries) : YNode
{
    public List<YEntry> Entries { get; } = entries;

    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key is YScalar s && s.Value == key)?.Value;

    public override YNode Clone() => new YMap(Entries.Select(e => new YEntry(e.Key.Clone(), e.Value.Clone())).ToList());
}

/// <summary>A reference to an anchor: <c>*name</c>. The anchor need not exist, nor come first.</summary>
internal sealed class YAlias(string name) : YNode
{
    public string Name { get; } = name;

    public override YNode Clone() => new YAlias(Name);
}

internal sealed class YEntry(YNode key, YNode value)
{
    public YNode Key { get; set; } = key;

    public YNode Value { get; set; } = value;
}
