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

    // Members the emitted types declare or inherit (EnumEmitter's struct, ObjectEmitter's record): a spec
    // name equal to one of them, or to the type's own name (CS0542), gets a "Value" suffix. An enum's member
    // names are also those of its companion Kind enum, which declares Unknown (and C# reserves value__).
    private static readonly string[] s_enumStructMembers = ["IsKnown", "Kind", "Unknown", "value__", "_value", "_kind", "s_values", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];
    private static readonly string[] s_recordMembers = ["EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize", "ReferenceEquals", Emitting.ObjectEmitter.ReadMethod, Emitting.ObjectEmitter.WriteMethod];
    private const string DeclaredByType = "the type itself";

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
                _context.Report(Descriptors.MalformedElement, entry.Value, $"Schema '{name}'", "a mapping");
                continue;
            }

            SchemaKind? kind = ClassifyComponent(node);
            string desired = _context.NameOverride(node) ?? Identifiers.ToPascalCase(name);
            if (kind is null)
            {
                // Aliases (a string, an array, a map …) are inlined where they are used.
                _aliasNames[node] = desired;
                continue;
            }

            string typeName = _context.ClaimTypeName(desired, $"schema '{name}'", entry.Key);
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
            _context.Report(Descriptors.MalformedElement, schema, "Schema nesting", $"at most {MaxDepth} levels deep");
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

            _context.Report(Descriptors.MalformedElement, schema, "A schema", "a mapping (or true)");
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
            _context.Report(Descriptors.UnsupportedSchema, node.GetKey("not")!, "'not'");
            return TypeSpec.AnyValue;
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

        if (node.Get("enum") is YamlSequenceNode values && EnumKind(node, type) is { } enumKind)
        {
            nullable |= values.Children.Any(YamlNodes.IsNull); // 3.1: a nullable enum lists null among its values
            return WithNullable(enumKind == TypeKind.Enum ? InlineEnum(node, contextName) : new TypeSpec(enumKind), nullable);
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

        if (node.Get("x-map-entries") is { } entries)
        {
            result = WithMapEntries(result, entries);
        }

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
            _context.Report(Descriptors.UnsupportedSchema, reference, $"The self-referencing alias '{reference.Value}'");
            return TypeSpec.AnyValue;
        }

        try
        {
            string name = _aliasNames.TryGetValue(target, out string? aliasName)
                ? aliasName
                : NameFromPointer(reference.Value ?? string.Empty);
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

        if (nonNull.Count == 2 && OneOrMany(nonNull[0], nonNull[1], contextName) is { } list)
        {
            return WithNullable(list, allowsNull);
        }

        if (ScalarUnions.Classify(nonNull, _context) is { } conversions)
        {
            return InlineUnion(node, contextName, conversions, allowsNull);
        }

        _context.Report(Descriptors.UnsupportedSchema, node.GetKey(combinator)!, $"'{combinator}' with {nonNull.Count} alternatives");
        return WithNullable(TypeSpec.AnyValue, allowsNull);
    }

    /// <summary>
    /// The one-or-many idiom, <c>oneOf: [T, {type: array, items: T}]</c> in either order: a list that also accepts one
    /// bare item. Null when the two alternatives are anything else.
    /// </summary>
    private TypeSpec? OneOrMany(YamlNode first, YamlNode second, string contextName)
    {
        YamlNode? single = ItemsIfArray(second) is { } items && IsSameSchema(first, items) ? first
            : ItemsIfArray(first) is { } otherItems && IsSameSchema(second, otherItems) ? second
            : null;
        if (single is null)
        {
            return null;
        }

        YamlNode array = ReferenceEquals(single, first) ? second : first;
        TypeSpec list = ResolveType(array, contextName);
        return list.Kind == TypeKind.Array ? list with { AcceptsSingle = true } : null;
    }

    private static YamlNode? ItemsIfArray(YamlNode schema) =>
        schema is YamlMappingNode mapping && mapping.GetString("type") is "array" or null && mapping.Get("items") is { } items ? items : null;

    /// <summary>
    /// Whether two schema nodes describe the same type without resolving them (which would emit inline types):
    /// one node, one <c>$ref</c>, or the same plain <c>type</c> and <c>format</c>.
    /// </summary>
    private static bool IsSameSchema(YamlNode a, YamlNode b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is not YamlMappingNode left || b is not YamlMappingNode right)
        {
            return false;
        }

        if (left.GetString("$ref") is { } leftRef)
        {
            return leftRef == right.GetString("$ref");
        }

        return IsPlainScalarSchema(left) && IsPlainScalarSchema(right)
            && left.GetString("type") == right.GetString("type")
            && left.GetString("format") == right.GetString("format");
    }

    private static bool IsPlainScalarSchema(YamlMappingNode schema) =>
        schema.GetString("type") is "string" or "integer" or "number" or "boolean"
        && schema.Children.Keys.All(key => YamlNodes.KeyText(key) is "type" or "format" or "description" or "example" or "title");

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
                    _context.Report(Descriptors.UnsupportedSchema, list, $"A value of several types ({string.Join(", ", names)})");
                    return ("", allowsNull);
                }

                return (names.Count == 1 ? names[0] : "null", allowsNull);
            case null:
                return (null, false);
            case var other:
                _context.Report(Descriptors.MalformedElement, other, "'type'", "a name or a list of names");
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

    /// <summary>
    /// <c>x-map-entries: {key: property, value: value}</c> on a map: written as <c>[{"property": k, "value": v}]</c>,
    /// read from that or from a plain object.
    /// </summary>
    private TypeSpec WithMapEntries(TypeSpec type, YamlNode extension)
    {
        if (type.Kind != TypeKind.Map)
        {
            _context.Report(Descriptors.MalformedElement, extension, "'x-map-entries'", "on a map (type: object with additionalProperties)");
            return type;
        }

        string? keyName = extension is YamlMappingNode names ? StringValue(names.Get("key")) : null;
        string? valueName = extension is YamlMappingNode both ? StringValue(both.Get("value")) : null;
        if (keyName is null || valueName is null || keyName == valueName)
        {
            _context.Report(Descriptors.MalformedElement, extension, "'x-map-entries'", "a mapping with two different property names, 'key' and 'value'");
            return type;
        }

        return type with { Entries = new MapEntries(keyName, valueName) };
    }

    /// <summary>A non-empty YAML string: quoted, or plain and not a null, boolean or number.</summary>
    private static string? StringValue(YamlNode? node) =>
        node is YamlScalarNode { Value: { Length: > 0 } text } scalar
        && (scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any)
            || !(YamlNodes.IsNull(scalar) || text is "true" or "false" || JsonNumbers.IsNumber(text)))
            ? text
            : null;

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
                    _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("format")!, $"format '{format}' for type 'string'", "a string");
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
                _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("format")!, $"format '{format}' for type 'integer'", "a 64-bit integer");
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
                _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("format")!, $"format '{format}' for type 'number'", "a double");
                return new TypeSpec(TypeKind.Double);
        }
    }

    private TypeSpec UnknownType(YamlMappingNode node, string type)
    {
        _context.Report(Descriptors.UnknownTypeOrFormat, node.Get("type")!, $"type '{type}'", "a JsonElement");
        return TypeSpec.AnyValue;
    }

    private TypeSpec InlineObject(YamlMappingNode node, string contextName)
    {
        string typeName = _context.ClaimTypeName(_context.NameOverride(node) ?? contextName, "an inline schema", node);
        var type = new TypeSpec(TypeKind.Object, TypeName: typeName);
        _typesByNode[node] = type;
        _schemas.Add(BuildObject(typeName, node));
        return type;
    }

    private TypeSpec InlineEnum(YamlMappingNode node, string contextName)
    {
        string typeName = _context.ClaimTypeName(_context.NameOverride(node) ?? contextName, "an inline enum", node);
        var type = new TypeSpec(TypeKind.Enum, TypeName: typeName);
        _typesByNode[node] = type;
        _schemas.Add(BuildEnum(typeName, node));
        return type;
    }

    /// <summary>A scalar union, named like an inline object; the node keeps its type, so it is emitted once.</summary>
    private TypeSpec InlineUnion(YamlMappingNode node, string contextName, UnionConversions conversions, bool allowsNull)
    {
        string typeName = _context.ClaimTypeName(_context.NameOverride(node) ?? contextName, "a union schema", node);
        var type = WithNullable(new TypeSpec(TypeKind.Union, TypeName: typeName), allowsNull || node.GetBool("nullable"));
        _typesByNode[node] = type;
        _schemas.Add(new SchemaSpec(typeName, SchemaKind.Union, node.GetString("description"), EquatableArray<PropertySpec>.Empty, EquatableArray<EnumMemberSpec>.Empty)
        {
            Conversions = conversions,
        });
        return type;
    }

    private SchemaSpec BuildEnum(string typeName, YamlMappingNode node)
    {
        // The companion enum is named after the schemas, so a schema that wants its name keeps it.
        string kindTypeName = _context.ClaimTypeName(typeName + "Kind", $"the Kind enum of {typeName}", node, withConverter: false);
        NameScope scope = MemberScope(typeName, s_enumStructMembers);
        scope.Reserve(kindTypeName, DeclaredByType);
        foreach (string member in s_enumStructMembers)
        {
            scope.Reserve(SchemaSpec.OwnMemberName(typeName, member), DeclaredByType);
        }

        var values = node.Get("enum") as YamlSequenceNode;
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlNode value in values?.Children ?? [])
        {
            if (!YamlNodes.IsNull(value) && value is YamlScalarNode { Value: { } text })
            {
                texts.Add(text);
            }
        }

        Dictionary<string, List<string>> aliases = EnumAliases.Read(node, texts, _context);
        var isAlias = new HashSet<string>(aliases.Values.SelectMany(a => a), StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        YamlSequenceNode? names = node.Get("x-enum-varnames") as YamlSequenceNode;
        for (int i = 0; values is not null && i < values.Children.Count; i++)
        {
            YamlNode value = values.Children[i];
            if (YamlNodes.IsNull(value) || value is not YamlScalarNode { Value: { } text } || isAlias.Contains(text) || !seenValues.Add(text))
            {
                continue; // null makes the property nullable; an alias is its value's; a repeated value is one member
            }

            string desired = ChosenName(names, i) ?? Identifiers.ToPascalCase(text);
            string identifier = ClaimMember(scope, desired, $"enum value '{text}'", value);
            members.Add(new EnumMemberSpec(text, identifier, (aliases.TryGetValue(text, out List<string>? own) ? own : []).ToEquatableArray()));
        }

        return new SchemaSpec(typeName, SchemaKind.Enum, node.GetString("description"), EquatableArray<PropertySpec>.Empty, members.ToEquatableArray())
        {
            KindTypeName = kindTypeName,
        };
    }

    /// <summary>The <c>x-enum-varnames</c> entry for the value at <paramref name="index"/>, when it is a usable identifier.</summary>
    private static string? ChosenName(YamlSequenceNode? names, int index) =>
        names is not null && index < names.Children.Count && names.Children[index] is YamlScalarNode { Value: { } name } && Identifiers.IsPlainIdentifier(name)
            ? name
            : null;

    /// <summary>The member names of one emitted type: its own name and the members it declares are taken up front.</summary>
    private static NameScope MemberScope(string typeName, string[] declaredMembers)
    {
        var scope = new NameScope();
        scope.Reserve(typeName, DeclaredByType);
        foreach (string member in declaredMembers)
        {
            scope.Reserve(member, DeclaredByType);
        }

        return scope;
    }

    /// <summary>
    /// Claims a member name. A name the type declares itself (its own name, <c>ToString</c> …) is avoided with a
    /// "Value" suffix, as C# requires; a clash between two spec names is a renaming with a warning.
    /// </summary>
    private string ClaimMember(NameScope scope, string desired, string origin, YamlNode at)
    {
        if (scope.OwnerOf(desired) == DeclaredByType)
        {
            desired += "Value";
        }

        return _context.Claim(scope, desired, origin, at);
    }

    private SchemaSpec BuildObject(string typeName, YamlMappingNode node)
    {
        if (node.GetKey("discriminator") is { } discriminator)
        {
            // Component or in place: the object is still read, with every property it declares; only the dispatch to subtypes is lost.
            _context.Report(Descriptors.SkippedElement, discriminator, "'discriminator' (polymorphism)", $"the discriminator of {typeName} (it is read as a plain object)");
        }

        var collected = new List<(string JsonName, YamlNode KeyNode, YamlNode Schema)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        CollectProperties(node, collected, required, new HashSet<YamlNode>(NodeIdentity.Instance));

        var properties = new List<PropertySpec>();
        NameScope scope = MemberScope(typeName, s_recordMembers);
        foreach ((string jsonName, YamlNode keyNode, YamlNode schema) in collected)
        {
            string desired = _context.NameOverride(schema) ?? Identifiers.ToPascalCase(jsonName);
            string identifier = ClaimMember(scope, desired, $"property '{jsonName}' of {typeName}", keyNode);
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
                    _context.Report(Descriptors.MalformedElement, part, "An allOf entry", "a schema mapping");
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
            _context.Report(Descriptors.MalformedElement, malformed, "'properties'", "a mapping");
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

        return node.Get("enum") is YamlSequenceNode && EnumKind(node, node.GetString("type")) == TypeKind.Enum ? SchemaKind.Enum : null;
    }

    /// <summary>
    /// What an <c>enum</c> makes of a schema of type <paramref name="type"/>; the one rule both components and inline
    /// schemas follow. A string (or untyped) enum is an extensible enum type; an untyped enum whose values are all plain
    /// numbers or booleans is that scalar type; an enum of any other type is left to its type (null).
    /// </summary>
    private static TypeKind? EnumKind(YamlMappingNode node, string? type)
    {
        if (type is not (null or "string") || node.Get("enum") is not YamlSequenceNode values)
        {
            return null;
        }

        if (type is "string")
        {
            return TypeKind.Enum;
        }

        var plain = values.Children
            .Where(v => !YamlNodes.IsNull(v))
            .Select(v => v is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: { } text } ? text : null)
            .ToList();
        if (plain.Count == 0 || plain.Any(text => text is null))
        {
            return TypeKind.Enum;
        }

        if (plain.All(text => text is "true" or "false"))
        {
            return TypeKind.Boolean;
        }

        if (plain.All(text => JsonNumbers.IsInteger(text!)))
        {
            return TypeKind.Int64;
        }

        return plain.All(text => JsonNumbers.IsNumber(text!)) ? TypeKind.Double : TypeKind.Enum;
    }

    /// <summary>
    /// A type name for what a <c>$ref</c> points at: its last segment that names something, skipping the structural
    /// keywords of the path (<c>…/responses/Error/content/application~1json/schema</c> → <c>Error</c>).
    /// </summary>
    private static string NameFromPointer(string pointer)
    {
        string[] segments = pointer.Split('/');
        for (int i = segments.Length - 1; i >= 0; i--)
        {
            string segment = Uri.UnescapeDataString(segments[i]).Replace("~1", "/").Replace("~0", "~");
            if (segment.Length > 0 && segment != "#" && !s_pointerKeywords.Contains(segment) && !segment.Contains("/") && !JsonNumbers.IsInteger(segment))
            {
                return Identifiers.ToPascalCase(segment);
            }
        }

        return "Value";
    }

    private static readonly HashSet<string> s_pointerKeywords = new(StringComparer.Ordinal)
    {
        "components", "schemas", "responses", "requestBodies", "parameters", "headers", "content", "schema", "items",
        "properties", "additionalProperties", "allOf", "oneOf", "anyOf", "not", "paths", "get", "put", "post", "delete",
        "patch", "head", "options", "trace", "requestBody", "$defs", "definitions", "prefixItems",
    };
}
