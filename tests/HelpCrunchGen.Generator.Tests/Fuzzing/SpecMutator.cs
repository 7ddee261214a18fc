using System.Text;
using static HelpCrunchGen.Generator.Tests.Fuzzing.FuzzVocabulary;

namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>One generated input: everything needed to reproduce it is the seed (and the same seed specs).</summary>
internal sealed record FuzzCase(int Seed, string SpecName, IReadOnlyList<string> Mutations, string Text);

/// <summary>
/// A structure-aware, deterministic spec mutator: a seed picks a seed spec and one to three mutations
/// (drop, duplicate, retype, Unicode, keywords, colliding names, deep nesting, anchors, huge numbers,
/// truncation …), each aimed at the places the generator turns into C# names.
/// </summary>
internal sealed class SpecMutator
{
    private static readonly string[] s_structuralKeys =
    [
        "type", "items", "properties", "required", "enum", "$ref", "parameters", "responses", "requestBody", "content",
        "schema", "schemas", "components", "paths", "allOf", "oneOf", "anyOf", "additionalProperties", "format",
        "nullable", "in", "name", "operationId", "openapi", "discriminator", "const", "default",
    ];

    private readonly Random _random;
    private readonly YMap _root;
    private readonly List<string> _log = [];
    private int _anchors;

    private SpecMutator(Random random, YMap root)
    {
        _random = random;
        _root = root;
    }

    /// <summary>Cases 0 … seeds-1 are the seed specs unmutated (the baseline); every other seed mutates.</summary>
    public static FuzzCase Create(int seed, IReadOnlyList<SeedSpec> seeds)
    {
        if (seed >= 0 && seed < seeds.Count)
        {
            return new FuzzCase(seed, seeds[seed].Name, [], seeds[seed].Text);
        }

        var random = new Random(seed);
        SeedSpec spec = seeds[random.Next(seeds.Count)];
        var mutator = new SpecMutator(random, (YMap)spec.Tree.Clone());
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++)
        {
            mutator.MutateOnce();
        }

        string text = YamlTextWriter.Write(mutator._root);
        if (random.Next(25) == 0)
        {
            text = mutator.Truncate(text);
        }

        return new FuzzCase(seed, spec.Name, mutator._log, text);
    }

    private void MutateOnce()
    {
        // A mutation with nowhere to apply (no enum in the spec …) gives way to another.
        for (int attempt = 0; attempt < 10; attempt++)
        {
            string? done = _random.Next(100) switch
            {
                < 8 => Drop(),
                < 13 => Duplicate(),
                < 20 => Retype(),
                < 24 => ScalarToContainer(),
                < 36 => InjectUnicode(),
                < 41 => DeepNest(),
                < 47 => Anchors(),
                < 54 => HugeNumber(),
                < 64 => KeywordName(),
                < 76 => CollidingNames(),
                < 88 => EmitterLocalName(),
                _ => TypeName(),
            };
            if (done is not null)
            {
                _log.Add(done);
                return;
            }
        }
    }

    // ---- structural mutations ----

    private string? Drop()
    {
        Slot? slot = PickSlot(_ => true);
        slot?.Remove();
        return slot is null ? null : "drop " + slot.Path;
    }

    private string? Duplicate()
    {
        Slot? slot = PickSlot(_ => true);
        if (slot is null)
        {
            return null;
        }

        if (slot.Container is YSeq seq)
        {
            seq.Items.Insert(slot.Index + 1, slot.Node.Clone());
            return "duplicate item " + slot.Path;
        }

        var map = (YMap)slot.Container;
        string key = _random.Next(3) switch
        {
            0 => slot.Key,
            1 => slot.Key.ToUpperInvariant(),
            _ => slot.Key + "_",
        };
        map.Entries.Insert(slot.Index + 1, new YEntry(new YScalar(key, plain: false), slot.Node.Clone()));
        return $"duplicate entry {slot.Path} as '{Escape(key)}'";
    }

    private string? Retype()
    {
        Slot? slot = PickSlot(_ => true);
        if (slot is null)
        {
            return null;
        }

        YNode replacement = _random.Next(8) switch
        {
            0 => new YScalar("0", plain: true),
            1 => new YScalar("true", plain: true),
            2 => new YScalar(string.Empty, plain: true),
            3 => new YScalar(string.Empty, plain: false),
            4 => new YMap([]),
            5 => new YSeq([]),
            6 => new YSeq([slot.Node]),
            _ => new YMap([new YEntry(new YScalar("x", plain: true), slot.Node)]),
        };
        slot.Node = replacement;
        return $"retype {slot.Path} to {Describe(replacement)}";
    }

    private string? ScalarToContainer()
    {
        Slot? slot = PickSlot(s => s.Node is YScalar);
        if (slot is null)
        {
            return null;
        }

        YNode scalar = slot.Node;
        slot.Node = _random.Next(2) == 0
            ? new YSeq([scalar])
            : new YMap([new YEntry(new YScalar(((YScalar)scalar).Value, plain: false), scalar)]);
        return $"scalar {slot.Path} to {Describe(slot.Node)}";
    }

    private string Truncate(string text)
    {
        int at = _random.Next(text.Length);
        _log.Add($"truncate at char {at} of {text.Length}");
        return text.Substring(0, at);
    }

    // ---- names ----

    private string? InjectUnicode()
    {
        (NameKind kind, Slot slot)? site = PickName(NameKind.Schema, NameKind.Property, NameKind.Parameter,
            NameKind.OperationId, NameKind.Enum, NameKind.Path, NameKind.Description);
        if (site is null)
        {
            return null;
        }

        string old = NameOf(site.Value);
        string piece = Pick(Unicode);
        if (_random.Next(4) == 0)
        {
            piece += Pick(Unicode);
        }

        string name = _random.Next(4) switch
        {
            0 => piece + old,
            1 => old + piece,
            2 => piece,
            _ => old.Insert(old.Length / 2, piece),
        };
        return Rename(site.Value, name);
    }

    private string? KeywordName()
    {
        (NameKind kind, Slot slot)? site = PickName(NameKind.Schema, NameKind.Property, NameKind.Parameter, NameKind.OperationId, NameKind.Enum);
        return site is null ? null : Rename(site.Value, Pick(Keywords));
    }

    private string? EmitterLocalName()
    {
        string name = Pick(EmitterLocals);
        switch (_random.Next(4))
        {
            case 0:
                (NameKind kind, Slot slot)? site = PickName(NameKind.Property, NameKind.Parameter, NameKind.Schema, NameKind.OperationId);
                return site is null ? null : Rename(site.Value, name);
            case 1:
                return AddParameters([name]);
            default:
                return AddProperty(name, SimpleSchema());
        }
    }

    private string? CollidingNames()
    {
        string[] group = Pick(Collisions);
        switch (_random.Next(6))
        {
            case 0:
            case 1:
                string? log = null;
                YMap? properties = PickPropertiesMap();
                if (properties is null)
                {
                    return null;
                }

                foreach (string name in group)
                {
                    properties.Entries.Add(new YEntry(new YScalar(name, plain: false), SimpleSchema()));
                    log = "add colliding properties " + string.Join(", ", group.Select(g => $"'{g}'"));
                }

                return log;
            case 2:
                return AddParameters(group);
            case 3:
                YMap? schemas = Schemas();
                if (schemas is null || schemas.Entries.Count == 0)
                {
                    return null;
                }

                YEntry schema = Pick(schemas.Entries);
                string original = ((YScalar)schema.Key).Value;
                string other = _random.Next(2) == 0 ? original.ToLowerInvariant() : original.ToUpperInvariant();
                schemas.Entries.Add(new YEntry(new YScalar(other, plain: false), schema.Value.Clone()));
                return $"add schema '{Escape(other)}' (a copy of '{Escape(original)}', names differ only in case)";
            case 4:
                var operations = Operations().ToList();
                if (operations.Count < 2)
                {
                    return null;
                }

                YMap first = Pick(operations).Operation, second = Pick(operations).Operation;
                SetEntry(first, "operationId", new YScalar(group[0], plain: false));
                SetEntry(second, "operationId", new YScalar(group[^1], plain: false));
                return $"operationIds '{group[0]}' and '{group[^1]}'";
            default:
                YSeq? values = PickEnum();
                if (values is null)
                {
                    return null;
                }

                values.Items.AddRange(group.Select(g => (YNode)new YScalar(g, plain: false)));
                return "add colliding enum values " + string.Join(", ", group.Select(g => $"'{g}'"));
        }
    }

    private string? TypeName()
    {
        string name = Pick(TypeNames);
        if (_random.Next(2) == 0)
        {
            (NameKind kind, Slot slot)? site = PickName(NameKind.Schema);
            if (site is not null)
            {
                return Rename(site.Value, name);
            }
        }

        YMap schemas = EnsureSchemas();
        schemas.Entries.Add(new YEntry(new YScalar(name, plain: false), ObjectSchema(("id", Map(("type", "integer"))), ("name", Map(("type", "string"))))));
        return $"add schema '{name}'; " + AddProperty("of" + name, Ref(name));
    }

    // ---- deep nesting, anchors, numbers ----

    private string? DeepNest()
    {
        int depth = 200 + _random.Next(400);
        string[] shapes = ["properties", "items", "allOf", "additionalProperties", "oneOf", "mixed", "yaml"];
        string shape = Pick(shapes);
        YNode node = Map(("type", "string"));
        for (int i = 0; i < depth; i++)
        {
            string step = shape == "mixed" ? shapes[_random.Next(5)] : shape;
            node = step switch
            {
                "properties" => ObjectSchema(("next", node)),
                "items" => Map(("type", "array"), ("items", node)),
                "allOf" => new YMap([new YEntry(Scalar("allOf"), new YSeq([node]))]),
                "additionalProperties" => Map(("type", "object"), ("additionalProperties", node)),
                "oneOf" => new YMap([new YEntry(Scalar("oneOf"), new YSeq([node, Map(("type", "null"))]))]),
                _ => new YSeq([node]),
            };
        }

        if (shape == "yaml")
        {
            // Deep YAML that is not a schema: an extension and an example.
            _root.Entries.Add(new YEntry(Scalar("x-deep"), node));
            return $"deep YAML sequence {depth} levels at /x-deep";
        }

        EnsureSchemas().Entries.Add(new YEntry(Scalar("Deep"), node));
        return $"deep schema '{shape}' {depth} levels; " + AddProperty("deep", Ref("Deep"));
    }

    private string? Anchors()
    {
        YMap schemas = EnsureSchemas();
        switch (_random.Next(5))
        {
            case 0:
            {
                if (schemas.Entries.Count == 0)
                {
                    return null;
                }

                YEntry target = Pick(schemas.Entries);
                if (target.Value is not YMap schema)
                {
                    return null;
                }

                string anchor = NewAnchor();
                schema.Anchor = anchor;
                PropertiesOf(schema).Entries.Add(new YEntry(Scalar("self"), new YAlias(anchor)));
                return $"anchor cycle: schema '{Escape(((YScalar)target.Key).Value)}' &{anchor} has property self: *{anchor}";
            }

            case 1:
            {
                // The billion laughs, as schemas: expanded naively it is fanout^levels nodes.
                int levels = 4 + _random.Next(8), fanout = 3 + _random.Next(8);
                string form = Pick(new[] { "allOf", "properties", "items", "example" });
                string previous = NewAnchor();
                schemas.Entries.Add(new YEntry(Scalar("Lol0"), new YMap([new YEntry(Scalar("type"), Scalar("string"))]) { Anchor = previous }));
                for (int level = 1; level <= levels; level++)
                {
                    string anchor = NewAnchor();
                    YNode body = form switch
                    {
                        "allOf" => new YMap([new YEntry(Scalar("allOf"), new YSeq(Enumerable.Range(0, fanout).Select(_ => (YNode)new YAlias(previous)).ToList()))]),
                        "properties" => ObjectSchema(Enumerable.Range(0, fanout).Select(i => ("p" + i, (YNode)new YAlias(previous))).ToArray()),
                        "items" => Map(("type", "array"), ("items", new YAlias(previous))),
                        _ => Map(("type", "object"), ("example", new YSeq(Enumerable.Range(0, fanout).Select(_ => (YNode)new YAlias(previous)).ToList()))),
                    };
                    body.Anchor = anchor;
                    schemas.Entries.Add(new YEntry(Scalar("Lol" + level), body));
                    previous = anchor;
                }

                return $"alias bomb: {levels} levels x {fanout} via {form}; " + AddProperty("lol", Ref("Lol" + levels));
            }

            case 2:
                return "alias to an undefined anchor; " + AddProperty("ghost", new YAlias("nowhere"));
            case 3:
            {
                // An alias used before its anchor: YAML forbids it, the generator must say so.
                string anchor = NewAnchor();
                AddProperty("early", new YAlias(anchor));
                schemas.Entries.Add(new YEntry(Scalar("Late"), Map(("type", "integer")).WithAnchor(anchor)));
                return $"alias *{anchor} before its anchor";
            }

            default:
            {
                // The same anchor defined twice: YAML says the later one wins for later aliases.
                string anchor = NewAnchor();
                schemas.Entries.Add(new YEntry(Scalar("TwiceA"), Map(("type", "integer")).WithAnchor(anchor)));
                schemas.Entries.Add(new YEntry(Scalar("TwiceB"), Map(("type", "string")).WithAnchor(anchor)));
                return $"anchor &{anchor} defined twice; " + AddProperty("twice", new YAlias(anchor));
            }
        }
    }

    private string? HugeNumber()
    {
        string number = Pick(HugeNumbers);
        switch (_random.Next(3))
        {
            case 0:
                Slot? slot = PickSlot(s => s.Node is YScalar { Plain: true } v && v.Value.Length > 0 && (char.IsDigit(v.Value[0]) || v.Value[0] == '-'));
                if (slot is null)
                {
                    return null;
                }

                slot.Node = new YScalar(number, plain: true);
                return $"number {slot.Path} = {number}";
            case 1:
                YMap? responses = Operations().Select(o => o.Operation["responses"]).OfType<YMap>().Where(r => r.Entries.Count > 0).OrderBy(_ => _random.Next()).FirstOrDefault();
                if (responses is null)
                {
                    return null;
                }

                YEntry response = Pick(responses.Entries);
                response.Key = new YScalar(number, plain: true);
                return $"response status code {number}";
            default:
                string[] keys = ["minimum", "maximum", "maxLength", "minItems", "default", "multipleOf", "example"];
                string key = Pick(keys);
                EnsureSchemas().Entries.Add(new YEntry(Scalar("Huge"), Map(
                    ("type", "integer"), ("format", "int64"),
                    ("enum", new YSeq([Scalar("0"), new YScalar(number, plain: true)])),
                    (key, new YScalar(number, plain: true)))));
                return $"integer enum schema Huge with [0, {number}] and {key}: {number}; " + AddProperty("huge", Ref("Huge"));
        }
    }

    // ---- renaming ----

    private enum NameKind
    {
        Schema,
        Property,
        Parameter,
        OperationId,
        Enum,
        Path,
        Description,
    }

    private (NameKind Kind, Slot Slot)? PickName(params NameKind[] kinds)
    {
        YMap? schemas = Schemas();
        YMap? paths = _root["paths"] as YMap;
        var sites = new List<(NameKind, Slot)>();
        foreach (Slot slot in Slot.All(_root))
        {
            NameKind? kind = slot switch
            {
                _ when slot.Container == schemas => NameKind.Schema,
                _ when slot.Container == paths => NameKind.Path,
                { ParentKey: "properties", Container: YMap } => NameKind.Property,
                { Key: "name", ParentKey: "parameters", Node: YScalar } => NameKind.Parameter,
                { Key: "operationId", Node: YScalar } => NameKind.OperationId,
                { ParentKey: "enum", Container: YSeq, Node: YScalar } => NameKind.Enum,
                { Key: "description" or "summary" or "title", Node: YScalar } => NameKind.Description,
                _ => null,
            };
            if (kind is { } k && kinds.Contains(k))
            {
                sites.Add((k, slot));
            }
        }

        return sites.Count == 0 ? null : sites[_random.Next(sites.Count)];
    }

    private static string NameOf((NameKind Kind, Slot Slot) site) =>
        site.Kind is NameKind.Schema or NameKind.Property or NameKind.Path
            ? ((YScalar)site.Slot.Entry!.Key).Value
            : ((YScalar)site.Slot.Node).Value;

    /// <summary>Renames a name and what refers to it ($refs, required lists, path templates), so the spec stays consistent.</summary>
    private string Rename((NameKind Kind, Slot Slot) site, string name)
    {
        string old = NameOf(site);
        switch (site.Kind)
        {
            case NameKind.Schema:
                site.Slot.Entry!.Key = new YScalar(name, plain: false);
                string from = "#/components/schemas/" + Pointer(old), to = "#/components/schemas/" + Pointer(name);
                foreach (Slot slot in Slot.All(_root))
                {
                    if (slot is { Key: "$ref", Node: YScalar reference } && reference.Value == from)
                    {
                        slot.Node = new YScalar(to, plain: false);
                    }
                }

                break;
            case NameKind.Property:
                site.Slot.Entry!.Key = new YScalar(name, plain: false);
                foreach (Slot slot in Slot.All(_root))
                {
                    if (slot is { Key: "properties" } && slot.Node == site.Slot.Container && slot.Container is YMap owner
                        && owner["required"] is YSeq required)
                    {
                        for (int i = 0; i < required.Items.Count; i++)
                        {
                            if (required.Items[i] is YScalar r && r.Value == old)
                            {
                                required.Items[i] = new YScalar(name, plain: false);
                            }
                        }
                    }
                }

                break;
            case NameKind.Parameter:
                site.Slot.Node = new YScalar(name, plain: false);
                if (_root["paths"] is YMap paths)
                {
                    foreach (YEntry path in paths.Entries)
                    {
                        if (path.Key is YScalar p && p.Value.Contains("{" + old + "}", StringComparison.Ordinal))
                        {
                            path.Key = new YScalar(p.Value.Replace("{" + old + "}", "{" + name + "}", StringComparison.Ordinal), plain: false);
                        }
                    }
                }

                break;
            case NameKind.Path:
                site.Slot.Entry!.Key = new YScalar(name, plain: false);
                break;
            default:
                site.Slot.Node = new YScalar(name, plain: false);
                break;
        }

        return $"rename {site.Kind.ToString().ToLowerInvariant()} {site.Slot.Path} '{Escape(old)}' to '{Escape(name)}'";
    }

    // ---- additions ----

    /// <summary>Adds parameters with these names to one operation (all in the same place: query, header or path).</summary>
    private string? AddParameters(IReadOnlyList<string> names)
    {
        var operations = Operations().ToList();
        if (operations.Count == 0)
        {
            return null;
        }

        (YEntry path, YMap operation) = Pick(operations);
        string location = Pick(new[] { "query", "query", "header", "path" });
        if (operation["parameters"] is not YSeq parameters)
        {
            parameters = new YSeq([]);
            SetEntry(operation, "parameters", parameters);
        }

        foreach (string name in names)
        {
            if (location == "path")
            {
                path.Key = new YScalar(((YScalar)path.Key).Value.TrimEnd('/') + "/{" + name + "}", plain: false);
            }

            parameters.Items.Add(Map(("name", new YScalar(name, plain: false)), ("in", location), ("required", location == "path" ? "true" : "false"), ("schema", SimpleSchema())));
        }

        return $"add {location} parameters {string.Join(", ", names.Select(n => $"'{Escape(n)}'"))} to {Escape(((YScalar)path.Key).Value)}";
    }

    private string AddProperty(string name, YNode schema)
    {
        YMap? properties = PickPropertiesMap();
        if (properties is null)
        {
            EnsureSchemas().Entries.Add(new YEntry(Scalar("Holder"), ObjectSchema((name, schema))));
            return $"add schema Holder with property '{Escape(name)}'";
        }

        properties.Entries.Add(new YEntry(new YScalar(name, plain: false), schema));
        return $"add property '{Escape(name)}'";
    }

    private YMap? PickPropertiesMap()
    {
        var maps = Slot.All(_root).Where(s => s is { Key: "properties", Node: YMap }).Select(s => (YMap)s.Node).ToList();
        return maps.Count == 0 ? null : Pick(maps);
    }

    private YSeq? PickEnum()
    {
        var enums = Slot.All(_root).Where(s => s is { Key: "enum", Node: YSeq }).Select(s => (YSeq)s.Node).ToList();
        return enums.Count == 0 ? null : Pick(enums);
    }

    private IEnumerable<(YEntry Path, YMap Operation)> Operations()
    {
        if (_root["paths"] is not YMap paths)
        {
            yield break;
        }

        foreach (YEntry path in paths.Entries)
        {
            if (path.Key is YScalar && path.Value is YMap item)
            {
                foreach (YEntry operation in item.Entries)
                {
                    if (operation.Key is YScalar { Value: var verb } && FuzzVocabulary.Operations.Contains(verb) && operation.Value is YMap map)
                    {
                        yield return (path, map);
                    }
                }
            }
        }
    }

    private YNode SimpleSchema() => _random.Next(4) switch
    {
        0 => Map(("type", "integer")),
        1 => Map(("type", "array"), ("items", Map(("type", "string")))),
        2 => Map(("type", "boolean")),
        _ => Map(("type", "string")),
    };

    private YMap? Schemas() => _root["components"] is YMap components ? components["schemas"] as YMap : null;

    private YMap EnsureSchemas()
    {
        if (_root["components"] is not YMap components)
        {
            components = new YMap([]);
            SetEntry(_root, "components", components);
        }

        if (components["schemas"] is not YMap schemas)
        {
            schemas = new YMap([]);
            SetEntry(components, "schemas", schemas);
        }

        return schemas;
    }

    private static YMap PropertiesOf(YMap schema)
    {
        if (schema["properties"] is not YMap properties)
        {
            properties = new YMap([]);
            SetEntry(schema, "properties", properties);
        }

        return properties;
    }

    private static void SetEntry(YMap map, string key, YNode value)
    {
        YEntry? entry = map.Entries.FirstOrDefault(e => e.Key is YScalar s && s.Value == key);
        if (entry is null)
        {
            map.Entries.Add(new YEntry(Scalar(key), value));
        }
        else
        {
            entry.Value = value;
        }
    }

    // ---- small helpers ----

    /// <summary>Half of the picks aim at keys that shape the model, the rest anywhere (descriptions and examples dominate otherwise).</summary>
    private Slot? PickSlot(Func<Slot, bool> filter)
    {
        var slots = Slot.All(_root).Where(filter).ToList();
        var structural = slots.Where(s => s_structuralKeys.Contains(s.Key) || s.ParentKey is "properties" or "schemas" or "paths").ToList();
        List<Slot> from = structural.Count > 0 && _random.Next(2) == 0 ? structural : slots;
        return from.Count == 0 ? null : from[_random.Next(from.Count)];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string NewAnchor() => "a" + _anchors++;

    private static YScalar Scalar(string value) => new(value, plain: true);

    private static YMap Ref(string schema) => Map(("$ref", new YScalar("#/components/schemas/" + Pointer(schema), plain: false)));

    private static YMap ObjectSchema(params (string Name, YNode Schema)[] properties) =>
        Map(("type", "object"), ("properties", new YMap(properties.Select(p => new YEntry(new YScalar(p.Name, plain: false), p.Schema)).ToList())));

    private static YMap Map(params (string Key, object Value)[] entries) =>
        new(entries.Select(e => new YEntry(Scalar(e.Key), e.Value as YNode ?? Scalar((string)e.Value))).ToList());

    private static string Pointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Describe(YNode node) => node switch
    {
        YScalar { Plain: true, Value.Length: 0 } => "null",
        YScalar s => s.Plain ? s.Value : "\"" + s.Value + "\"",
        YMap { Entries.Count: 0 } => "{}",
        YSeq { Items.Count: 0 } => "[]",
        YMap => "a mapping around it",
        _ => "a sequence around it",
    };

    /// <summary>Makes invisible and control characters visible in the mutation log.</summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder();
        foreach (char c in value)
        {
            builder.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }
}

internal static class YNodeExtensions
{
    public static T WithAnchor<T>(this T node, string anchor)
        where T : YNode
    {
        node.Anchor = anchor;
        return node;
    }
}
