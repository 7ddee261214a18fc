using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>Small lookups over YamlDotNet's node model, by plain key text.</summary>
internal static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode mapping, string key) => Find(mapping, key)?.Value;

    /// <summary>The key node itself, for diagnostics that point at a keyword (<c>oneOf</c>, <c>get</c> …).</summary>
    public static YamlNode? GetKey(this YamlMappingNode mapping, string key) => Find(mapping, key)?.Key;

    public static string? GetString(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    private static KeyValuePair<YamlNode, YamlNode>? Find(YamlMappingNode mapping, string key)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    public static bool GetBool(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlScalarNode { Value: "true" or "True" or "TRUE" };

    /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar (a quoted <c>"null"</c> is a string).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar
        && scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } value } ? value : key.ToString();
}
