using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Applies YAML merge keys (<c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c>), as js-yaml (Redocly) and PyYAML do:
/// YamlDotNet's node model keeps <c>&lt;&lt;</c> as an ordinary key. The merged entries take the place of the
/// <c>&lt;&lt;</c> entry; a key of the mapping itself wins over a merged one, an earlier source over a later one.
/// </summary>
internal static class YamlMergeKeys
{
    public static YamlError? Apply(YamlNode root)
    {
        var done = new HashSet<YamlNode>(NodeIdentity.Instance);
        return Visit(root, done);
    }

    // Depth is bounded: YamlGuard refuses nesting (aliases expanded) deeper than its MaxDepth.
    private static YamlError? Visit(YamlNode node, HashSet<YamlNode> done)
    {
        if (node is YamlScalarNode || !done.Add(node))
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            foreach (YamlNode child in sequence.Children)
            {
                if (Visit(child, done) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        var mapping = (YamlMappingNode)node;
        bool merges = false;
        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
        {
            // Sources first: a mapping merged here may merge others itself.
            if ((Visit(entry.Key, done) ?? Visit(entry.Value, done)) is { } error)
            {
                return error;
            }

            merges |= IsMergeKey(entry.Key);
        }

        return merges ? Merge(mapping) : null;
    }

    private static YamlError? Merge(YamlMappingNode mapping)
    {
        var entries = new List<KeyValuePair<YamlNode, YamlNode>>(mapping.Children.Count);
        var positions = new Dictionary<YamlNode, int>();
        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
        {
            if (!IsMergeKey(entry.Key))
            {
                // YamlDotNet refused duplicate keys already: a key seen before here was merged, and is overridden.
                if (positions.TryGetValue(entry.Key, out int at))
                {
                    entries[at] = entry;
                }
                else
                {
                    positions.Add(entry.Key, entries.Count);
                    entries.Add(entry);
                }

                continue;
            }

            IEnumerable<YamlNode> sources = entry.Value is YamlSequenceNode list ? list.Children : [entry.Value];
            foreach (YamlNode source in sources)
            {
                if (source is not YamlMappingNode merged)
                {
                    return new YamlError(source.Start, source.End, "A merge key '<<' takes a mapping or a sequence of mappings");
                }

                foreach (KeyValuePair<YamlNode, YamlNode> mergedEntry in merged.Children)
                {
                    if (!positions.ContainsKey(mergedEntry.Key))
                    {
                        positions.Add(mergedEntry.Key, entries.Count);
                        entries.Add(mergedEntry);
                    }
                }
            }
        }

        mapping.Children.Clear();
        foreach (KeyValuePair<YamlNode, YamlNode> entry in entries)
        {
            mapping.Children.Add(entry);
        }

        return null;
    }

    // A plain "<<" (YAML 1.1 merge type, which js-yaml and PyYAML apply); a quoted "<<" is an ordinary key.
    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain } scalar
        && (scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:merge");
}
