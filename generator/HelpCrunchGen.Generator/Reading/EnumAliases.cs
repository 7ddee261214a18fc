using System;
using System.Collections.Generic;
using HelpCrunchGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Reads <c>x-enum-aliases</c>: other spellings of an enum's values (<c>on hold: [on-hold, onhold]</c>). An alias is
/// its value for <c>==</c>, <c>IsKnown</c> and <c>switch</c>, yet keeps its own spelling on the wire.
/// </summary>
internal static class EnumAliases
{
    public const string Key = "x-enum-aliases";

    private const string Shape = "a mapping from values listed in 'enum' to lists of their other spellings";

    /// <summary>
    /// The aliases of each value that has some, in spec order. Every alias stands for exactly one value: a malformed
    /// entry, an alias of an unlisted value or an alias used twice is HCG0010 at its node and left out.
    /// </summary>
    public static Dictionary<string, List<string>> Read(YamlMappingNode schema, ICollection<string> values, ReadContext context)
    {
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        YamlNode? extension = schema.Get(Key);
        if (extension is not YamlMappingNode map)
        {
            if (extension is not null)
            {
                context.Report(Descriptors.MalformedElement, extension, $"'{Key}'", Shape);
            }

            return aliases;
        }

        var entries = new List<(string Value, YamlNode List)>();
        var standsFor = new Dictionary<string, string>(StringComparer.Ordinal); // spelling → the value it is
        foreach (KeyValuePair<YamlNode, YamlNode> entry in map.Children)
        {
            string value = YamlNodes.KeyText(entry.Key);
            if (!values.Contains(value) || standsFor.ContainsKey(value))
            {
                context.Report(Descriptors.MalformedElement, entry.Key, $"The '{Key}' key '{value}'", "a value listed in 'enum'");
                continue;
            }

            standsFor.Add(value, value);
            entries.Add((value, entry.Value));
        }

        foreach ((string value, YamlNode list) in entries)
        {
            if (list is not YamlSequenceNode spellings)
            {
                context.Report(Descriptors.MalformedElement, list, $"The aliases of '{value}'", "a list of strings");
                continue;
            }

            var own = new List<string>();
            foreach (YamlNode spelling in spellings.Children)
            {
                if (YamlNodes.IsNull(spelling) || spelling is not YamlScalarNode { Value: { } alias })
                {
                    context.Report(Descriptors.MalformedElement, spelling, $"An alias of '{value}'", "a string");
                }
                else if (standsFor.TryGetValue(alias, out string? taken))
                {
                    string owner = taken == alias ? "is a value of its own" : $"already stands for '{taken}'";
                    context.Report(Descriptors.MalformedElement, spelling, $"The alias '{alias}' of '{value}'", $"a spelling used once ('{alias}' {owner})");
                }
                else
                {
                    standsFor.Add(alias, value);
                    own.Add(alias);
                }
            }

            aliases.Add(value, own);
        }

        return aliases;
    }
}
