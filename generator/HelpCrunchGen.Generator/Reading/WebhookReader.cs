using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Reads OpenAPI 3.1 <c>webhooks</c> into a <see cref="WebhooksSpec"/>. OpenAPI names each webhook but does not say
/// how a receiver tells them apart, so the root extension <c>x-webhooks</c> does: the envelope property whose value is
/// the webhook's key (<c>eventProperty</c>), and optionally the signature scheme. Without it the section is ignored.
/// </summary>
internal sealed class WebhookReader
{
    public const string ExtensionKey = "x-webhooks";

    private const string BodyShape = "a $ref to the envelope schema, or an allOf of that $ref and an object that narrows one of its properties";

    private readonly ReadContext _context;
    private readonly SchemaReader _schemas;
    private readonly string _eventPropertyName;
    private readonly YamlNode _eventPropertyNode;
    private readonly List<WebhookEventSpec> _events = [];
    private SchemaSpec? _envelope;
    private PropertySpec? _eventProperty;
    private bool _unusable; // the envelope cannot carry events: said once, not once per webhook

    private WebhookReader(ReadContext context, SchemaReader schemas, string eventPropertyName, YamlNode eventPropertyNode)
    {
        _context = context;
        _schemas = schemas;
        _eventPropertyName = eventPropertyName;
        _eventPropertyNode = eventPropertyNode;
    }

    /// <summary>The webhooks, or null when the spec has none, has no <c>x-webhooks</c>, or none of them can be read.</summary>
    /// <param name="prefix">The client's name without <c>Client</c> (<c>HelpCrunch</c>): the event classes are named after it.</param>
    public static WebhooksSpec? Read(ReadContext context, SchemaReader schemas, string prefix)
    {
        YamlMappingNode document = context.Root;
        if (document.Get(ExtensionKey) is not { } extensionNode)
        {
            return null;
        }

        context.CurrentNode = extensionNode;
        if (extensionNode is not YamlMappingNode extension)
        {
            context.Report(Descriptors.MalformedElement, extensionNode, $"'{ExtensionKey}'", "a mapping with 'eventProperty' and, optionally, 'signature'");
            return null;
        }

        if (extension.Get("eventProperty") is not YamlScalarNode { Value: { Length: > 0 } eventProperty } eventPropertyNode || YamlNodes.IsNull(eventPropertyNode))
        {
            context.Report(Descriptors.MalformedElement, extension.Get("eventProperty") ?? extensionNode, $"'{ExtensionKey}.eventProperty'", "the name of the envelope property that carries the event name");
            return null;
        }

        WebhookSignatureSpec? signature = null;
        if (extension.Get("signature") is { } signatureNode && !TryReadSignature(context, signatureNode, out signature))
        {
            return null;
        }

        if (document.Get("webhooks") is not { } webhooksNode)
        {
            return null;
        }

        if (webhooksNode is not YamlMappingNode webhooks)
        {
            context.Report(Descriptors.MalformedElement, webhooksNode, "'webhooks'", "a mapping of event names to path items");
            return null;
        }

        // Named before the events, so an event called like one of them is the one renamed.
        YamlNode at = document.GetKey("webhooks")!;
        string baseName = context.ClaimTypeName(prefix + "WebhookEvent", "the webhook event class", at, withConverter: false);
        string unknownName = context.ClaimTypeName("UnknownWebhookEvent", "the unknown webhook event class", at, withConverter: false);
        string parserName = context.ClaimTypeName(prefix + "Webhooks", "the webhook parser", at, withConverter: false);

        var reader = new WebhookReader(context, schemas, eventProperty, eventPropertyNode);
        foreach (KeyValuePair<YamlNode, YamlNode> entry in webhooks.Children)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.CurrentNode = entry.Key;
            reader.ReadWebhook(YamlNodes.KeyText(entry.Key), entry.Key, entry.Value);
            if (reader._unusable)
            {
                return null;
            }
        }

        if (reader._events.Count == 0 || reader._envelope is null || reader._eventProperty is null)
        {
            return null;
        }

        // Members the event classes declare themselves; an envelope property of such a name stays on Envelope only.
        string[] taken = ["Name", "Envelope", "Data", "EventName", baseName];
        EquatableArray<PropertySpec> forwarded = reader._envelope.Properties
            .Where(p => p.JsonName != eventProperty && Array.IndexOf(taken, p.Identifier) < 0)
            .ToEquatableArray();
        return new WebhooksSpec(baseName, unknownName, parserName, reader._envelope.TypeName, reader._eventProperty, forwarded, reader._events.ToEquatableArray(), signature);
    }

    /// <summary>The types the webhooks read: the generated schemas they use must be emitted.</summary>
    public static IEnumerable<TypeSpec> UsedTypes(WebhooksSpec? webhooks) =>
        webhooks is null
            ? []
            : webhooks.Events.Where(e => e.Data is not null).Select(e => e.Data!.Type)
                .Concat([new TypeSpec(TypeKind.Object, TypeName: webhooks.EnvelopeTypeName)]);

    private void ReadWebhook(string name, YamlNode key, YamlNode value)
    {
        YamlNode? resolved = Deref(value);
        if (resolved is null)
        {
            return; // an unresolved $ref, reported
        }

        if (resolved is not YamlMappingNode item)
        {
            _context.Report(Descriptors.MalformedElement, value, $"Webhook '{name}'", "a path item (a mapping)");
            return;
        }

        if (item.Get("post") is not { } postNode)
        {
            _context.Report(Descriptors.SkippedElement, key, "A webhook without a POST operation", $"the webhook '{name}'");
            return;
        }

        if (postNode is not YamlMappingNode post)
        {
            _context.Report(Descriptors.MalformedElement, postNode, $"The POST operation of webhook '{name}'", "a mapping");
            return;
        }

        YamlNode? bodyNode = post.Get("requestBody");
        YamlNode? resolvedBody = bodyNode is null ? null : Deref(bodyNode);
        if (bodyNode is not null && resolvedBody is null)
        {
            return; // an unresolved $ref, reported
        }

        YamlNode? schema = resolvedBody is YamlMappingNode body ? JsonSchema(body) : null;
        if (schema is null)
        {
            _context.Report(Descriptors.MalformedElement, post.Get("requestBody") ?? item.GetKey("post")!, $"The POST operation of webhook '{name}'", "a request body with an application/json schema");
            return;
        }

        if (!TryReadBody(name, schema, out YamlMappingNode? envelope, out KeyValuePair<YamlNode, YamlNode>? narrowed)
            || !TryUseEnvelope(name, envelope!))
        {
            return;
        }

        string desired = _context.NameOverride(post) ?? Identifiers.ToPascalCase(name) + "Event";
        string typeName = _context.ClaimTypeName(desired, $"webhook '{name}'", key, withConverter: false);
        WebhookDataSpec? data = null;
        if (narrowed is { } narrowing && !TryReadData(name, typeName, narrowing.Key, narrowing.Value, out data))
        {
            return;
        }

        _events.Add(new WebhookEventSpec(name, typeName, post.GetString("summary") ?? post.GetString("description"), data));
    }

    /// <summary>The body is the envelope itself (<c>$ref</c>) or the envelope with one property narrowed (<c>allOf</c>).</summary>
    private bool TryReadBody(string name, YamlNode schema, out YamlMappingNode? envelope, out KeyValuePair<YamlNode, YamlNode>? narrowed)
    {
        envelope = null;
        narrowed = null;
        if (schema is YamlMappingNode direct && direct.Get("$ref") is not null)
        {
            envelope = direct;
            return true;
        }

        if (schema is not YamlMappingNode mapping || mapping.Get("allOf") is not YamlSequenceNode parts)
        {
            _context.Report(Descriptors.MalformedElement, schema, $"The request body schema of webhook '{name}'", BodyShape);
            return false;
        }

        foreach (YamlNode part in parts.Children)
        {
            if (part is YamlMappingNode partMapping && partMapping.Get("$ref") is { } partRef)
            {
                if (envelope is not null)
                {
                    _context.Report(Descriptors.MalformedElement, partRef, $"The allOf of webhook '{name}'", "one $ref (to the envelope schema); this is a second one");
                    return false;
                }

                envelope = partMapping;
                continue;
            }

            if (part is not YamlMappingNode narrowing || narrowing.Get("properties") is not YamlMappingNode properties)
            {
                _context.Report(Descriptors.MalformedElement, part, $"A part of the allOf of webhook '{name}'", "the envelope $ref or an object with 'properties'");
                return false;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> property in properties.Children)
            {
                if (narrowed is not null)
                {
                    _context.Report(Descriptors.MalformedElement, property.Key, $"The request body of webhook '{name}'", "the envelope with at most one property narrowed (the event's data)");
                    return false;
                }

                narrowed = property;
            }
        }

        if (envelope is null)
        {
            _context.Report(Descriptors.MalformedElement, mapping.GetKey("allOf")!, $"The allOf of webhook '{name}'", "a $ref to the envelope schema");
            return false;
        }

        return true;
    }

    /// <summary>Every webhook shares one envelope, an object schema with the event property as a string.</summary>
    private bool TryUseEnvelope(string name, YamlMappingNode envelope)
    {
        YamlNode reference = envelope.Get("$ref")!;
        TypeSpec type = _schemas.ResolveType(envelope, Identifiers.ToPascalCase(name) + "Envelope");
        SchemaSpec? schema = type.Kind == TypeKind.Object && type.TypeName is { } typeName
            ? _envelope?.TypeName == typeName ? _envelope : _schemas.Schemas.FirstOrDefault(s => s.TypeName == typeName && s.Kind == SchemaKind.Object)
            : null;
        if (schema is null)
        {
            _context.Report(Descriptors.MalformedElement, reference, $"The envelope of webhook '{name}'", "an object schema with properties, under components/schemas");
            return false;
        }

        if (_envelope is not null)
        {
            if (schema.TypeName != _envelope.TypeName)
            {
                _context.Report(Descriptors.MalformedElement, reference, $"The envelope of webhook '{name}'", $"the schema the other webhooks use ('{_envelope.TypeName}')");
                return false;
            }

            return true;
        }

        PropertySpec? eventProperty = schema.Properties.FirstOrDefault(p => p.JsonName == _eventPropertyName);
        if (eventProperty is null || eventProperty.Type.Kind != TypeKind.String)
        {
            _context.Report(Descriptors.MalformedElement, _eventPropertyNode, $"'{ExtensionKey}.eventProperty' ('{_eventPropertyName}')", $"a string property of the envelope schema '{schema.TypeName}'");
            _unusable = true;
            return false;
        }

        _envelope = schema;
        _eventProperty = eventProperty;
        return true;
    }

    /// <summary>A narrowed property must be an untyped property of the envelope, narrowed to an object schema.</summary>
    private bool TryReadData(string name, string typeName, YamlNode key, YamlNode schema, out WebhookDataSpec? data)
    {
        data = null;
        string propertyName = YamlNodes.KeyText(key);
        PropertySpec? property = _envelope!.Properties.FirstOrDefault(p => p.JsonName == propertyName);
        if (property is null || property.Type.Kind != TypeKind.Any || propertyName == _eventPropertyName)
        {
            _context.Report(Descriptors.MalformedElement, key, $"The property '{propertyName}' that webhook '{name}' narrows", $"an untyped property ({{}}) of the envelope schema '{_envelope.TypeName}'");
            return false;
        }

        TypeSpec type = _schemas.ResolveType(schema, typeName + "Data");
        if (type.Kind != TypeKind.Object || type.TypeName is null)
        {
            _context.Report(Descriptors.MalformedElement, schema, $"The '{propertyName}' of webhook '{name}'", "an object schema");
            return false;
        }

        data = new WebhookDataSpec(property, type);
        return true;
    }

    private static bool TryReadSignature(ReadContext context, YamlNode node, out WebhookSignatureSpec? signature)
    {
        signature = null;
        const string Shape = "a mapping with 'header', 'algorithm' (hmac-sha1 or hmac-sha256) and, optionally, 'encoding' (hex)";
        if (node is not YamlMappingNode mapping)
        {
            context.Report(Descriptors.MalformedElement, node, $"'{ExtensionKey}.signature'", Shape);
            return false;
        }

        string? header = mapping.GetString("header");
        if (header is null || header.Length == 0 || !header.All(IsTokenChar))
        {
            context.Report(Descriptors.MalformedElement, mapping.Get("header") ?? node, $"'{ExtensionKey}.signature.header'", "an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)");
            return false;
        }

        WebhookSignatureAlgorithm? algorithm = mapping.GetString("algorithm") switch
        {
            "hmac-sha1" => WebhookSignatureAlgorithm.HmacSha1,
            "hmac-sha256" => WebhookSignatureAlgorithm.HmacSha256,
            _ => null,
        };
        if (algorithm is null)
        {
            context.Report(Descriptors.MalformedElement, mapping.Get("algorithm") ?? node, $"'{ExtensionKey}.signature.algorithm'", "hmac-sha1 or hmac-sha256");
            return false;
        }

        if (mapping.Get("encoding") is { } encoding && encoding is not YamlScalarNode { Value: "hex" })
        {
            context.Report(Descriptors.MalformedElement, encoding, $"'{ExtensionKey}.signature.encoding'", "hex (the only encoding supported)");
            return false;
        }

        signature = new WebhookSignatureSpec(header, algorithm.Value);
        return true;
    }

    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;

    /// <summary>The schema of the request body's JSON media type, or null.</summary>
    private static YamlNode? JsonSchema(YamlMappingNode body)
    {
        if (body.Get("content") is not YamlMappingNode content)
        {
            return null;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> media in content.Children)
        {
            string type = YamlNodes.KeyText(media.Key);
            bool isJson = type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type.StartsWith("application/json;", StringComparison.Ordinal);
            if (isJson && media.Value is YamlMappingNode mediaNode && mediaNode.Get("schema") is { } schema)
            {
                return schema;
            }
        }

        return null;
    }

    /// <summary>Follows a <c>$ref</c> to components (pathItems, requestBodies), once or through a short chain.</summary>
    private YamlNode? Deref(YamlNode node)
    {
        for (int hops = 0; hops < 8 && node is YamlMappingNode mapping && mapping.Get("$ref") is YamlScalarNode reference; hops++)
        {
            if (_context.Resolve(reference) is not { } target)
            {
                return null;
            }

            node = target;
        }

        return node;
    }
}
