using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Maps JSON Schemas to <see cref="TypeSpec"/>s and collects the <see cref="SchemaSpec"/>s to emit:
/// component objects and enums, plus inline objects and enums named from their parent and property.
/// </summary>
internal sealed class SchemaReader
{
    // Deep enough for any real spec; stops runaway recursion through YAML aliases.
    private const int MaxDepth = 64;

    private static readonly HashSet<string> s_plainStringFormats = new(StringComparer.Ordinal)
    {
        "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri",
        "uri-reference", "iri", "iri-reference", "uri-template", "url", "json-pointer", "relative-json-pointer",
        "regex", "password", "byte", "binary", "base64", "html", "phone", "decimal", "int64", "int32",
    };

    // Members every generated extensible enum has (see EnumEmitter).
    private static readonly HashSet<string> s_enumStructMembers = new(StringComparer.Ordinal) { "IsKnown", "ToString", "Equals", "GetHashCode", "GetType" };

    private readonly ReadContext _context;
    private readonly List<SchemaSpec> _schemas = [];

    // Types already assigned to nodes: components (registered up front, so references may point forward
    // or form cycles) and inline objects/enums (so a node reached twice is emitted once).
    private readonly Dictionary<YamlNode, TypeSpec> _typesByNode = new(NodeIdentity.Instance);
    private readonly Dictionary<YamlNode, string> _aliasNames = new(NodeIdentity.Instance);
    private readonly HashSet<YamlNode> _resolvingAliases = new(NodeIdentity.Instance);
    private readonly List<(string TypeName, YamlMappingNode Node, SchemaKind Kind)> _pendingComponents = [];
    private int _depth;

    public SchemaReader(ReadContext context) => _context = context;

    public EquatableArray<SchemaSpec> Schemas => _schemas.ToEquatableArray();

    /// <summary>Names every component schema before any is read, so references can point anywhere.</summary>
    public void RegisterComponents(YamlMappingNode schemas)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in schemas.Children)
        {
            string name = YamlNodes.KeyText(entry.Key);
            if (entry.Value is not YamlMappingNode node)
            {
                _context.Report(Descriptors.MalformedElement, entry.Value, $"Schema '{name}' must be a mapping");
                continue;
            }

            SchemaKind? kind = ClassifyComponent(node);
            string typeName = Identifiers.ToPascalCase(name);
            if (kind is null)
            {
                // Aliases (a string, an array, a map …) are inlined where they are used.
                _aliasNames[node] = typeName;
                continue;
            }

            if (!_context.TryClaimTypeName(typeName, $"#/components/schemas/{name}", entry.Key))
            {
                continue;
            }

            _typesByNode[node] = new TypeSpec(kind == SchemaKind.Enum ? TypeKind.Enum : TypeKind.Object, TypeName: typeName);
            _pendingComponents.Add((typeName, node, kind.Value));
        }
    }

    /// <summary>Reads the bodies of the components registered by <see cref="RegisterComponents"/>.</summary>
    public void ReadComponents()
    {
        foreach ((string typeName, YamlMappingNode node, SchemaKind kind) in _pendingComponents)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            _schemas.Add(kind == SchemaKind.Enum ? BuildEnum(typeName, node) : BuildObject(typeName, node));
        }
    }

    /// <summary>The type of a value described by <paramref name="schema"/>; inline types are named <paramref name="contextName"/>.</summary>
    public TypeSpec ResolveType(YamlNode schema, string contextName)
    {
        if (_depth >= MaxDepth)
        {
            _context.Report(Descriptors.MalformedElement, schema, $"Schema nesting is deeper than {MaxDepth} levels");
            return TypeSpec.AnyValue;
        }

        _depth++;
        try
        {
            _context.CurrentNode = schema;
            return ResolveTypeCore(schema, contextName);
        }
        finally
        {
            _depth--;
        }
    }

    private TypeSpec ResolveTypeCore(YamlNode schema, string contextName)
    {
        if (schema is not YamlMappingNode node)
        {
            if (schema is YamlScalarNode { Value: "true" } || YamlNodes.IsNull(schema))
            {
                return TypeSpec.AnyValue; // `true` / empty: any value
            }

            _context.Report(Descriptors.MalformedElement, schema, "A schema must be a mapping");
            return TypeSpec.AnyValue;
        }

        if (_typesByNode.TryGetValue(node, out TypeSpec? known))
        {
            return known;
        }

        bool nullable = node.GetBool("nullable"); // OpenAPI 3.0

        if (node.Get("$ref") is YamlScalarNode reference)
        {
            return WithNullable(ResolveReference(reference), nullable);
        }

        foreach (string combinator in new[] { "oneOf", "anyOf" })
        {
            if (node.Get(combinator) is YamlSequenceNode alternatives)
            {
                return WithNullable(ResolveAlternatives(node, combinator, alternatives, contextName), nullable);
            }
        }

        if (node.Get("not") is not null)
        {
            _context.Report(Descriptors.UnsupportedConstruct, node.GetKey("not")!, "'not'");
            return TypeSpec.AnyValue;
        }

        if (node.Get("discriminator") is not null)
        {
            _context.Report(Descriptors.UnsupportedConstruct, node.GetKey("discriminator")!, "'discriminator' (polymorphism)");
        }

        (string? type, bool typeAllowsNull) = ReadTypeKeyword(node);
        nullable |= typeAllowsNull;

        if (node.Get("allOf") is YamlSequenceNode parts)
        {
            // A lone $ref inside allOf is the OpenAPI 3.0 idiom for "this type, plus nullable/description".
            if (parts.Children.Count == 1 && node.Get("properties") is null)
            {
                return WithNullable(ResolveType(parts.Children[0], contextName), nullable);
            }

            return WithNullable(InlineObject(node, contextName), nullable);
        }

        if (node.Get("enum") is YamlSequenceNode values && type is null or "string")
        {
            return WithNullable(InlineEnum(node, values, contextName, ref nullable), nullable);
        }

        TypeSpec result = type switch
        {
            "object" or null when node.Get("properties") is not null => InlineObject(node, contextName),
            "object" => MapOrAny(node, contextName),
            null when node.Get("items") is not null => ArrayOf(node, contextName),
            null => MapOrAny(node, contextName),
            "array" => ArrayOf(node, contextName),
            "string" => StringType(node),
            "integer" => IntegerType(node),
            "number" => NumberType(node),
            "boolean" => new TypeSpec(TypeKind.Boolean),
            "null" => TypeSpec.AnyValue.AsNullable(),
            "" => TypeSpec.AnyValue,
            _ => UnknownType(node, type),
        };

        return WithNullable(result, nullable);
    }

    private static TypeSpec WithNullable(TypeSpec type, bool nullable) => nullable ? type.AsNullable() : type;

    private TypeSpec ResolveReference(YamlScalarNode reference)
    {
        YamlNode? target = _context.Resolve(reference);
        if (target is null)
        {
            return TypeSpec.AnyValue;
        }

        if (_typesByNode.TryGetValue(target, out TypeSpec? known))
        {
            return known;
        }

        if (!_resolvingAliases.Add(target))
        {
            // An alias that refers to itself (directly or through others) has no finite type.
            _context.Report(Descriptors.UnsupportedConstruct, reference, $"The self-referencing alias '{reference.Value}'");
            return TypeSpec.AnyValue;
        }

        try
        {
            string name = _aliasNames.TryGetValue(target, out string? aliasName)
                ? aliasName
                : Identifiers.ToPascalCase(LastSegment(reference.Value ?? "Value"));
            return ResolveType(target, name);
        }
        finally
        {
            _resolvingAliases.Remove(target);
        }
    }

    private TypeSpec ResolveAlternatives(YamlMappingNode node, string combinator, YamlSequenceNode alternatives, string contextName)
    {
        // The OpenAPI 3.1 idiom for a nullable reference: oneOf: [ {$ref: X}, {type: "null"} ].
        List<YamlNode> nonNull = alternatives.Children.Where(a => !IsNullSchema(a)).ToList();
        bool allowsNull = nonNull.Count < alternatives.Children.Count;
        if (nonNull.Count == 1)
        {
            return WithNullable(ResolveType(nonNull[0], contextName), allowsNull);
        }

        _context.Report(Descriptors.UnsupportedConstruct, node.GetKey(combinator)!, $"'{combinator}' with {nonNull.Count} alternatives");
        return WithNullable(TypeSpec.AnyValue, allowsNull);
    }

    private static bool IsNullSchema(YamlNode schema) =>
        schema is YamlMappingNode mapping && mapping.Children.Count == 1 && mapping.GetString("type") == "null";

    /// <summary>Reads <c>type</c>: a name, or (3.1) a list whose <c>"null"</c> entry means nullable.</summary>
    private (string? Type, bool AllowsNull) ReadTypeKeyword(YamlMappingNode node)
    {
        switch (node.Get("type"))
        {
            case YamlScalarNode scalar:
                return (scalar.Value, false);
            case YamlSequenceNode list:
                List<string> names = list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
                bool allowsNull = names.Remove("null");
                if (names.Count > 1)
                {
                    _context.Report(Descriptors.UnsupportedConstruct, list, $"A value of several types ({string.Join(", ", names)})");
                    return ("", allowsNull);
                }

                return (names.Count == 1 ? names[0] : "null", allowsNull);
            case null:
                return (null, false);
            case var other:
                _context.Report(Descriptors.MalformedElement, other, "'type' must be a name or a list of names");
                return ("", false);
        }
    }

    private TypeSpec ArrayOf(YamlMappingNode node, string contextName) =>
        new(TypeKind.Array, Element: node.Get("items") is { } items ? ResolveType(items, contextName + "Item") : TypeSpec.AnyValue);

    /// <summary>An object without properties: a dictionary when its values are typed, else free-form JSON.</summary>
    private TypeSpec MapOrAny(YamlMappingNode node, string contextName) => node.Get("additionalProperties") switch
    {
        null or YamlScalarNode { Value: "false" } => TypeSpec.AnyValue,
        YamlScalarNode { Value: "true" } => new TypeSpec(TypeKind.Map, Element: TypeSpec.AnyValue),
        YamlMappingNode { Children.Count: 0 } => new TypeSpec(TypeKind.Map, Element: TypeSpec.AnyValue),
        var values => new TypeSpec(TypeKind.Map, Element: ResolveType(values, contextName + "Value")),
    };

    private TypeSpec StringType(YamlMappingNode node)
    {
        string? format = node.GetString("format");
        switch (format)
        {
            case null:
                return new TypeSpec(TypeKind.String);
            case "date-time":
                return new TypeSpec(TypeKind.DateTime);
            case "uuid":
                return new TypeSpec(TypeKind.Uuid);
            case "unix-time":
                return new TypeSpec(TypeKind.UnixTime);
            default:
                if (!s_plainStringFormats.Contains(format))
                {
                    _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("format")!, $"Unknown format '{format}' for type 'string'; the value is read as a string");
                }

                return new TypeSpec(TypeKind.String);
        }
    }

    private TypeSpec IntegerType(YamlMappingNode node)
    {
        string? format = node.GetString("format");
        switch (format)
        {
            case "int32" or "int8" or "int16" or "uint8" or "uint16":
                return new TypeSpec(TypeKind.Int32);
            case null or "int64" or "uint32" or "uint64":
                return new TypeSpec(TypeKind.Int64);
            case "unix-time":
                return new TypeSpec(TypeKind.UnixTime);
            default:
                _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("format")!, $"Unknown format '{format}' for type 'integer'; the value is read as a 64-bit integer");
                return new TypeSpec(TypeKind.Int64);
        }
    }

    private TypeSpec NumberType(YamlMappingNode node)
    {
        string? format = node.GetString("format");
        switch (format)
        {
            case "float":
                return new TypeSpec(TypeKind.Single);
            case null or "double":
                return new TypeSpec(TypeKind.Double);
            case "decimal":
                return new TypeSpec(TypeKind.Decimal);
            case "int32" or "int64":
                return new TypeSpec(TypeKind.Double);
            case "unix-time":
                return new TypeSpec(TypeKind.UnixTime);
            default:
                _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("format")!, $"Unknown format '{format}' for type 'number'; the value is read as a double");
                return new TypeSpec(TypeKind.Double);
        }
    }

    private TypeSpec UnknownType(YamlMappingNode node, string type)
    {
        _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("type")!, $"Unknown type '{type}'; the value is typed as JsonElement");
        return TypeSpec.AnyValue;
    }

    private TypeSpec InlineObject(YamlMappingNode node, string typeName)
    {
        if (!_context.TryClaimTypeName(typeName, "an inline schema", node))
        {
            return TypeSpec.AnyValue;
        }

        var type = new TypeSpec(TypeKind.Object, TypeName: typeName);
        _typesByNode[node] = type;
        _schemas.Add(BuildObject(typeName, node));
        return type;
    }

    private TypeSpec InlineEnum(YamlMappingNode node, YamlSequenceNode values, string typeName, ref bool nullable)
    {
        if (values.Children.Any(YamlNodes.IsNull))
        {
            nullable = true; // 3.1: a nullable enum lists null among its values
        }

        if (!_context.TryClaimTypeName(typeName, "an inline enum", node))
        {
            return new TypeSpec(TypeKind.String);
        }

        var type = new TypeSpec(TypeKind.Enum, TypeName: typeName);
        _typesByNode[node] = type;
        _schemas.Add(BuildEnum(typeName, node));
        return type;
    }

    private SchemaSpec BuildEnum(string typeName, YamlMappingNode node)
    {
        var members = new List<EnumMemberSpec>();
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Get("enum") is YamlSequenceNode values)
        {
            foreach (YamlNode value in values.Children)
            {
                if (YamlNodes.IsNull(value) || value is not YamlScalarNode { Value: { } text })
                {
                    continue;
                }

                string identifier = Identifiers.ToPascalCase(text);
                if (identifier == typeName || s_enumStructMembers.Contains(identifier))
                {
                    // Not a clash of two spec names, but of a value with the struct's own members (or its name).
                    identifier += "Value";
                }

                if (taken.TryGetValue(identifier, out string? owner))
                {
                    _context.Report(Descriptors.IdentifierCollision, value, $"enum value '{text}'", $"{typeName}.{identifier}", $"enum value '{owner}'");
                    continue;
                }

                taken.Add(identifier, text);
                members.Add(new EnumMemberSpec(text, identifier));
            }
        }

        return new SchemaSpec(typeName, SchemaKind.Enum, node.GetString("description"), EquatableArray<PropertySpec>.Empty, members.ToEquatableArray());
    }

    private SchemaSpec BuildObject(string typeName, YamlMappingNode node)
    {
        var collected = new List<(string JsonName, YamlNode KeyNode, YamlNode Schema)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        CollectProperties(node, collected, required, new HashSet<YamlNode>(NodeIdentity.Instance));

        var properties = new List<PropertySpec>();
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string jsonName, YamlNode keyNode, YamlNode schema) in collected)
        {
            string identifier = Identifiers.ToPascalCase(jsonName);
            if (identifier == typeName)
            {
                // C# members cannot share their type's name (CS0542): Error.error becomes Error.ErrorValue.
                identifier += "Value";
            }

            if (taken.TryGetValue(identifier, out string? owner))
            {
                _context.Report(Descriptors.IdentifierCollision, keyNode, $"property '{jsonName}'", $"{typeName}.{identifier}", $"property '{owner}'");
                continue;
            }

            taken.Add(identifier, jsonName);
            TypeSpec type = ResolveType(schema, typeName + identifier);
            var schemaNode = schema as YamlMappingNode;
            properties.Add(new PropertySpec(
                jsonName,
                identifier,
                type,
                required.Contains(jsonName),
                schemaNode?.GetString("description"),
                schemaNode?.GetBool("deprecated") ?? false));
        }

        return new SchemaSpec(typeName, SchemaKind.Object, node.GetString("description"), properties.ToEquatableArray(), EquatableArray<EnumMemberSpec>.Empty);
    }

    /// <summary>Gathers properties and required names from a schema and, through <c>allOf</c>, the schemas it merges.</summary>
    private void CollectProperties(
        YamlMappingNode node,
        List<(string JsonName, YamlNode KeyNode, YamlNode Schema)> collected,
        HashSet<string> required,
        HashSet<YamlNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        if (node.Get("allOf") is YamlSequenceNode parts)
        {
            foreach (YamlNode part in parts.Children)
            {
                YamlNode? resolved = part is YamlMappingNode { } partMapping && partMapping.Get("$ref") is YamlScalarNode reference
                    ? _context.Resolve(reference)
                    : part;
                if (resolved is YamlMappingNode partNode)
                {
                    CollectProperties(partNode, collected, required, visited);
                }
                else if (resolved is not null)
                {
                    _context.Report(Descriptors.MalformedElement, part, "An allOf entry must be a schema mapping");
                }
            }
        }

        if (node.Get("properties") is YamlMappingNode properties)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> property in properties.Children)
            {
                string name = YamlNodes.KeyText(property.Key);
                int existing = collected.FindIndex(p => p.JsonName == name);
                if (existing >= 0)
                {
                    collected[existing] = (name, property.Key, property.Value); // a later allOf part refines the property
                }
                else
                {
                    collected.Add((name, property.Key, property.Value));
                }
            }
        }
        else if (node.Get("properties") is { } malformed && !YamlNodes.IsNull(malformed))
        {
            _context.Report(Descriptors.MalformedElement, malformed, "'properties' must be a mapping");
        }

        if (node.Get("required") is YamlSequenceNode requiredNames)
        {
            foreach (YamlScalarNode name in requiredNames.Children.OfType<YamlScalarNode>())
            {
                required.Add(name.Value ?? string.Empty);
            }
        }
    }

    /// <summary>Objects (properties or allOf) and string enums become types; anything else is an alias.</summary>
    private static SchemaKind? ClassifyComponent(YamlMappingNode node)
    {
        if (node.Get("$ref") is not null || node.Get("oneOf") is not null || node.Get("anyOf") is not null)
        {
            return null;
        }

        if (node.Get("properties") is not null
            || node.Get("allOf") is YamlSequenceNode { Children.Count: > 1 })
        {
            return SchemaKind.Object;
        }

        string? type = node.GetString("type");
        if (node.Get("enum") is YamlSequenceNode values
            && type is null or "string"
            && values.Children.All(v => YamlNodes.IsNull(v) || v is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain } || v is YamlScalarNode s && !double.TryParse(s.Value, out _)))
        {
            return SchemaKind.Enum;
        }

        return null;
    }

    private static string LastSegment(string pointer)
    {
        int slash = pointer.LastIndexOf('/');
        return slash >= 0 ? pointer.Substring(slash + 1) : pointer;
    }
}
