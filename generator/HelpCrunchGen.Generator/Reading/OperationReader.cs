using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>Reads <c>paths</c> into <see cref="OperationSpec"/>s: parameters, JSON request bodies and responses.</summary>
internal sealed class OperationReader
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private readonly ReadContext _context;
    private readonly SchemaReader _schemas;
    private readonly List<OperationSpec> _operations = [];
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);

    public OperationReader(ReadContext context, SchemaReader schemas)
    {
        _context = context;
        _schemas = schemas;
    }

    public EquatableArray<OperationSpec> Operations => _operations.ToEquatableArray();

    public void ReadPaths(YamlMappingNode paths)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in paths.Children)
        {
            string path = YamlNodes.KeyText(entry.Key);
            if (entry.Value is not YamlMappingNode pathItem)
            {
                _context.Report(Descriptors.MalformedElement, entry.Value, $"Path item '{path}' must be a mapping");
                continue;
            }

            if (pathItem.GetKey("$ref") is { } reference)
            {
                _context.Report(Descriptors.UnsupportedConstruct, reference, "A $ref on a path item");
                continue;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> method in pathItem.Children)
            {
                string methodName = YamlNodes.KeyText(method.Key);
                if (Array.IndexOf(s_methods, methodName) < 0)
                {
                    continue; // parameters, summary, servers …
                }

                _context.CancellationToken.ThrowIfCancellationRequested();
                _context.CurrentNode = method.Key;
                if (method.Value is not YamlMappingNode operation)
                {
                    _context.Report(Descriptors.MalformedElement, method.Value, $"Operation {methodName.ToUpperInvariant()} {path} must be a mapping");
                    continue;
                }

                ReadOperation(path, methodName, method.Key, operation, pathItem);
            }
        }
    }

    private void ReadOperation(string path, string method, YamlNode methodKey, YamlMappingNode operation, YamlMappingNode pathItem)
    {
        string httpMethod = method.ToUpperInvariant();
        if (operation.Get("operationId") is not YamlScalarNode { Value: { Length: > 0 } operationId } operationIdNode)
        {
            _context.Report(Descriptors.MissingOperationId, methodKey, httpMethod, path);
            return;
        }

        string methodName = Identifiers.ToPascalCase(operationId);
        if (_methodNames.TryGetValue(methodName, out string? owner))
        {
            if (owner == operationId)
            {
                _context.Report(Descriptors.DuplicateOperationId, operationIdNode, operationId);
            }
            else
            {
                _context.Report(Descriptors.IdentifierCollision, operationIdNode, $"operationId '{operationId}'", methodName + "Async", $"operationId '{owner}'");
            }

            return;
        }

        _methodNames.Add(methodName, operationId);

        RequestBodySpec? body = null;
        if (operation.Get("requestBody") is { } bodyNode)
        {
            if (!TryReadRequestBody(bodyNode, methodName, out body))
            {
                return; // reported: a method that cannot send its body would be a lie
            }
        }

        _operations.Add(new OperationSpec(
            operationId,
            methodName,
            httpMethod,
            path,
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetBool("deprecated"),
            ReadParameters(operation, pathItem, methodName, hasBody: body is not null),
            body,
            ReadResponses(operation, methodName)));
    }

    private EquatableArray<ParameterSpec> ReadParameters(YamlMappingNode operation, YamlMappingNode pathItem, string methodName, bool hasBody)
    {
        // Operation-level parameters override path-level ones with the same name and location.
        var byKey = new List<(string Key, YamlMappingNode Node)>();
        foreach (YamlMappingNode? owner in new[] { pathItem, operation })
        {
            if (owner.Get("parameters") is not YamlSequenceNode list)
            {
                continue;
            }

            foreach (YamlNode item in list.Children)
            {
                if (Deref(item) is not YamlMappingNode parameter)
                {
                    continue;
                }

                string key = parameter.GetString("in") + ":" + parameter.GetString("name");
                int existing = byKey.FindIndex(p => p.Key == key);
                if (existing >= 0)
                {
                    byKey[existing] = (key, parameter);
                }
                else
                {
                    byKey.Add((key, parameter));
                }
            }
        }

        var parameters = new List<ParameterSpec>();
        var taken = new Dictionary<string, string>(StringComparer.Ordinal) { ["cancellationToken"] = "the CancellationToken parameter" };
        if (hasBody)
        {
            taken.Add("body", "the request body parameter");
        }

        foreach ((_, YamlMappingNode parameter) in byKey)
        {
            string name = parameter.GetString("name") ?? string.Empty;
            ParameterLocation? location = parameter.GetString("in") switch
            {
                "path" => ParameterLocation.Path,
                "query" => ParameterLocation.Query,
                "header" => ParameterLocation.Header,
                _ => null,
            };

            if (location is null)
            {
                _context.Report(Descriptors.UnsupportedConstruct, parameter.Get("in") ?? parameter, $"The parameter location '{parameter.GetString("in")}'");
                continue;
            }

            string identifier = Identifiers.ToCamelCase(name);
            if (taken.TryGetValue(identifier, out string? owner))
            {
                _context.Report(Descriptors.IdentifierCollision, parameter.Get("name") ?? parameter, $"parameter '{name}'", identifier, owner);
                continue;
            }

            taken.Add(identifier, $"parameter '{name}'");
            TypeSpec type = parameter.Get("schema") is { } schema
                ? _schemas.ResolveType(schema, methodName + Identifiers.ToPascalCase(name))
                : new TypeSpec(TypeKind.String);
            parameters.Add(new ParameterSpec(
                name,
                identifier,
                location.Value,
                location == ParameterLocation.Path || parameter.GetBool("required"),
                type,
                parameter.GetString("description")));
        }

        // Required parameters first (C# optional parameters must come last), otherwise in spec order.
        return parameters.Where(p => p.IsRequired).Concat(parameters.Where(p => !p.IsRequired)).ToEquatableArray();
    }

    private bool TryReadRequestBody(YamlNode bodyNode, string methodName, out RequestBodySpec? body)
    {
        body = null;
        if (Deref(bodyNode) is not YamlMappingNode requestBody)
        {
            return false;
        }

        if (FindJsonSchema(requestBody, out YamlNode? contentKey) is not { } schema)
        {
            if (contentKey is not null)
            {
                _context.Report(Descriptors.UnsupportedConstruct, contentKey, $"The request body content type '{YamlNodes.KeyText(contentKey)}' (only JSON bodies are supported); the operation is skipped");
                return false;
            }

            return true; // a body without content: nothing to send
        }

        body = new RequestBodySpec(
            _schemas.ResolveType(schema, methodName + "Request"),
            requestBody.GetBool("required"),
            requestBody.GetString("description"));
        return true;
    }

    private EquatableArray<ResponseSpec> ReadResponses(YamlMappingNode operation, string methodName)
    {
        if (operation.Get("responses") is not YamlMappingNode responses)
        {
            return EquatableArray<ResponseSpec>.Empty;
        }

        var result = new List<ResponseSpec>();
        var codeIdentifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlNode, YamlNode> entry in responses.Children)
        {
            string status = YamlNodes.KeyText(entry.Key);
            if (Deref(entry.Value) is not YamlMappingNode response)
            {
                continue;
            }

            bool success = status.StartsWith("2", StringComparison.Ordinal);
            TypeSpec? bodyType = null;
            if (FindJsonSchema(response, out _) is { } schema)
            {
                bodyType = _schemas.ResolveType(schema, methodName + (success ? "Response" : "Error" + Identifiers.ToPascalCaseSuffix(status)));
            }

            var codes = new List<string>();
            if (response.Get("x-error-codes") is YamlSequenceNode list)
            {
                foreach (YamlScalarNode code in list.Children.OfType<YamlScalarNode>().Where(c => !string.IsNullOrEmpty(c.Value)))
                {
                    // Each code becomes a constant of <Method>Errors: two codes must not share one name.
                    string identifier = Identifiers.ToPascalCase(code.Value!);
                    if (codeIdentifiers.TryGetValue(identifier, out string? owner) && owner != code.Value)
                    {
                        _context.Report(Descriptors.IdentifierCollision, code, $"error code '{code.Value}'", $"{methodName}Errors.{identifier}", $"error code '{owner}'");
                        continue;
                    }

                    codeIdentifiers[identifier] = code.Value!;
                    codes.Add(code.Value!);
                }
            }

            result.Add(new ResponseSpec(status, response.GetString("description"), bodyType, codes.ToEquatableArray()));
        }

        return result.ToEquatableArray();
    }

    /// <summary>The schema of the JSON media type in <c>content</c>; otherwise null, with the first content key.</summary>
    private static YamlNode? FindJsonSchema(YamlMappingNode owner, out YamlNode? firstContentKey)
    {
        firstContentKey = null;
        if (owner.Get("content") is not YamlMappingNode content)
        {
            return null;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> media in content.Children)
        {
            firstContentKey ??= media.Key;
            string mediaType = YamlNodes.KeyText(media.Key);
            bool isJson = mediaType == "application/json"
                || mediaType.EndsWith("+json", StringComparison.Ordinal)
                || mediaType.StartsWith("application/json;", StringComparison.Ordinal)
                || mediaType == "*/*";
            if (isJson && media.Value is YamlMappingNode mediaNode)
            {
                return mediaNode.Get("schema") ?? new YamlMappingNode();
            }
        }

        return null;
    }

    /// <summary>Follows a <c>$ref</c> to components (parameters, requestBodies, responses), once or through a chain.</summary>
    private YamlNode? Deref(YamlNode node)
    {
        for (int hops = 0; hops < 8 && node is YamlMappingNode mapping && mapping.Get("$ref") is YamlScalarNode reference; hops++)
        {
            YamlNode? target = _context.Resolve(reference);
            if (target is null)
            {
                return null;
            }

            node = target;
        }

        return node;
    }
}
