using System.Collections.Generic;
using HelpCrunchGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Recognises a scalar union: a <c>oneOf</c>/<c>anyOf</c> whose alternatives are primitives (string, number, integer,
/// boolean), plus any arrays and at most one object. Such a value is kept as raw JSON and built from any of the
/// primitives. Two or more object alternatives are real polymorphism, which this is not.
/// </summary>
internal static class ScalarUnions
{
    // $ref chains longer than this are left to the general reader, which reports cycles.
    private const int MaxReferenceHops = 16;

    private enum Shape
    {
        Other,
        Primitive,
        Array,
        Object,
    }

    /// <summary>The conversions the union offers, or null when <paramref name="alternatives"/> (nulls removed) are not a scalar union.</summary>
    public static UnionConversions? Classify(IReadOnlyList<YamlNode> alternatives, ReadContext context)
    {
        UnionConversions conversions = UnionConversions.None;
        int objects = 0;
        foreach (YamlNode alternative in alternatives)
        {
            switch (ShapeOf(alternative, context, out UnionConversions conversion))
            {
                case Shape.Primitive:
                    conversions |= conversion;
                    break;
                case Shape.Object:
                    objects++;
                    break;
                case Shape.Other:
                    return null;
            }
        }

        return conversions != UnionConversions.None && objects <= 1 ? conversions : null;
    }

    private static Shape ShapeOf(YamlNode schema, ReadContext context, out UnionConversions conversion)
    {
        conversion = UnionConversions.None;
        for (int hops = 0; hops < MaxReferenceHops && (schema as YamlMappingNode)?.Get("$ref") is YamlScalarNode pointer; hops++)
        {
            // Resolve reports a broken reference itself; the union then falls back like any other oneOf.
            if (context.Resolve(pointer) is not { } target)
            {
                return Shape.Other;
            }

            schema = target;
        }

        if (schema is not YamlMappingNode node || node.Get("$ref") is not null || node.Get("oneOf") is not null || node.Get("anyOf") is not null)
        {
            return Shape.Other;
        }

        string? format = node.GetString("format");
        switch (node.Get("type") is YamlScalarNode { Value: { } type } ? type : null)
        {
            case "string":
                conversion = format == "unix-time" ? UnionConversions.UnixTime : UnionConversions.String;
                return Shape.Primitive;
            case "integer":
                conversion = format == "unix-time" ? UnionConversions.UnixTime : UnionConversions.Int64;
                return Shape.Primitive;
            case "number":
                conversion = format == "unix-time" ? UnionConversions.UnixTime : UnionConversions.Double;
                return Shape.Primitive;
            case "boolean":
                conversion = UnionConversions.Boolean;
                return Shape.Primitive;
            case "array":
                return Shape.Array;
            case "object":
                return Shape.Object;
            case null when node.Get("items") is not null:
                return Shape.Array;
            case null when node.Get("properties") is not null || node.Get("allOf") is not null:
                return Shape.Object;
            default:
                return Shape.Other;
        }
    }
}
