using System;
using System.Collections.Generic;
using System.Globalization;
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
    private readonly HashSet<string> _operationIds = new(StringComparer.Ordinal);

    // Client methods are <Name>Async: one scope for the names, whatever their suffix.
    private readonly NameScope _methodNames = new();

    private readonly ErrorCodeCatalog _errorCodes;
    private readonly PagingReader _paging;

    public OperationReader(ReadContext context, SchemaReader schemas)
    {
        _context = context;
        _schemas = schemas;
        _errorCodes = new ErrorCodeCatalog(context);
        _paging = new PagingReader(context, schemas, _methodNames);
    }

    public EquatableArray<OperationSpec> Operations => _operations.ToEquatableArray();

    /// <summary>The one class of error-code constants for the whole API, or null when the spec lists no codes.</summary>
    public ErrorCodesSpec? ErrorCodes(string clientName) => _errorCodes.Build(clientName);

    public void ReadPaths(YamlMappingNode paths)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in paths.Children)
        {
            string path = YamlNodes.KeyText(entry.Key);
            if (entry.Value is not YamlMappingNode pathItem)
            {
                _context.Report(Descriptors.MalformedElement, entry.Value, $"Path item '{path}'", "a mapping");
                continue;
            }

            if (pathItem.GetKey("$ref") is { } reference)
            {
                _context.Report(Descriptors.SkippedElement, reference, "A $ref on a path item", $"the path '{path}'");
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
                    _context.Report(Descriptors.MalformedElement, method.Value, $"Operation {methodName.ToUpperInvariant()} {path}", "a mapping");
                    continue;
                }

                ReadOperation(path, methodName, method.Key, operation, pathItem);
            }
        }
    }

    private void ReadOperation(string path, string method, YamlNode methodKey, YamlMappingNode operation, YamlMappingNode pathItem)
    {
        string httpMethod = method.ToUpperInvariant();
        string? chosen = _context.NameOverride(operation);
        string desired;
        string operationId;
        YamlNode nameNode;
        if (operation.Get("operationId") is YamlScalarNode { Value: { Length: > 0 } id } idNode)
        {
            if (!_operationIds.Add(id))
            {
                _context.Report(Descriptors.DuplicateOperationId, idNode, id);
                return;
            }

            operationId = id;
            nameNode = idNode;
            desired = chosen ?? Identifiers.ToPascalCase(id);
        }
        else
        {
            // operationId is optional in OpenAPI: the method is named from the method and path, stably.
            operationId = $"{httpMethod} {path}";
            nameNode = methodKey;
            desired = chosen ?? NameFromRoute(method, path);
        }

        string methodName = _context.Claim(_methodNames, desired, $"operation '{operationId}'", nameNode);
        if (nameNode == methodKey && chosen is null)
        {
            _context.Report(Descriptors.MissingOperationId, methodKey, httpMethod, path, methodName + "Async");
        }

        RequestBodySpec? body = null;
        if (operation.Get("requestBody") is { } bodyNode)
        {
            if (!TryReadRequestBody(bodyNode, methodName, operationId, out body))
            {
                return; // reported: a method that cannot send its body would be a lie
            }
        }

        var scope = new NameScope();
        EquatableArray<ParameterSpec> parameters = ReadParameters(operation, pathItem, methodName, scope);
        MethodNames names = new(
            Body: body is null ? string.Empty : scope.Claim("body", "the request body"),
            CancellationToken: scope.Claim("cancellationToken", "the cancellation token"),
            Uri: scope.Claim("uri", "a local"),
            Query: scope.Claim("query", "a local"),
            Request: scope.Claim("request", "a local"),
            Item: scope.Claim("item", "a local"));

        List<ReadResponse> read = ReadResponses(operation, methodName);
        EquatableArray<ResponseSpec> responses = read.Select(r => r.Spec).ToEquatableArray();
        _errorCodes.Add(operationId, read);
        (ResultKind kind, TypeSpec? result) = ChooseResult(read, operationId);
        PagingPlan? paging = operation.Get(PagingReader.ExtensionKey) is { } pagingNode
            ? _paging.Read(pagingNode, methodName, parameters, body, kind == ResultKind.Json ? result : null, scope)
            : null;
        var plan = new OperationPlan(SuccessStatuses(read), kind, result, ReadTags(operation), paging);
        _operations.Add(new OperationSpec(
            operationId,
            methodName,
            httpMethod,
            path,
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetBool("deprecated"),
            parameters,
            body,
            responses,
            names,
            plan));
    }

    /// <summary><c>get /pets/{petId}/photos</c> → <c>GetPetsByPetIdPhotos</c>.</summary>
    private static string NameFromRoute(string method, string path)
    {
        var name = new System.Text.StringBuilder(Identifiers.ToPascalCase(method));
        int length = name.Length;
        foreach (string segment in path.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            bool isParameter = segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);
            string words = Identifiers.ToPascalCase(isParameter ? segment.Substring(1, segment.Length - 2) : segment).TrimStart('_');
            name.Append(isParameter ? "By" : string.Empty).Append(words);
        }

        return name.Length == length ? name.Append("Root").ToString() : name.ToString();
    }

    /// <summary>
    /// The result is the body of the first success response that has one; a later success response whose body
    /// differs is HCG0014 (it would need another return type).
    /// </summary>
    private (ResultKind Kind, TypeSpec? Type) ChooseResult(List<ReadResponse> responses, string operationId)
    {
        ReadResponse? chosen = null;
        foreach (ReadResponse response in responses.Where(r => r.IsSuccess && r.Kind != ResultKind.None))
        {
            if (chosen is null)
            {
                chosen = response;
            }
            else if (response.Kind != chosen.Kind || !Equals(response.Spec.Body, chosen.Spec.Body))
            {
                _context.Report(Descriptors.ConflictingSuccessResponses, response.KeyNode, response.Spec.StatusCode, operationId, chosen.Spec.StatusCode);
            }
        }

        return chosen is null ? (ResultKind.None, null) : (chosen.Kind, chosen.Kind == ResultKind.Text ? new TypeSpec(TypeKind.String) : chosen.Spec.Body);
    }

    /// <summary>The listed 2xx statuses (a <c>2XX</c> range is all of 200–299); 200–299 when none is listed.</summary>
    private static EquatableArray<int> SuccessStatuses(List<ReadResponse> responses)
    {
        var codes = new SortedSet<int>();
        foreach (ReadResponse response in responses.Where(r => r.IsSuccess))
        {
            if (int.TryParse(response.Spec.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            {
                codes.Add(code);
            }
            else
            {
                codes.UnionWith(Enumerable.Range(200, 100));
            }
        }

        return (codes.Count > 0 ? codes : Enumerable.Range(200, 100)).ToEquatableArray();
    }

    private static EquatableArray<string> ReadTags(YamlMappingNode operation) =>
        operation.Get("tags") is YamlSequenceNode tags
            ? tags.Children.OfType<YamlScalarNode>().Select(t => t.Value).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToEquatableArray()
            : EquatableArray<string>.Empty;

    private EquatableArray<ParameterSpec> ReadParameters(YamlMappingNode operation, YamlMappingNode pathItem, string methodName, NameScope scope)
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
                _context.Report(Descriptors.SkippedElement, parameter.Get("in") ?? parameter, $"The parameter location '{parameter.GetString("in")}'", $"the parameter '{name}'");
                continue;
            }

            if (location == ParameterLocation.Header && !IsHttpToken(name))
            {
                // HttpHeaders.Add would throw on every call: a header name is an RFC 9110 token.
                _context.Report(Descriptors.MalformedElement, parameter.Get("name") ?? parameter, $"Header parameter name '{name}'", "an HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
                continue;
            }

            // Parameters keep the spec's spelling in camelCase; a keyword is escaped (@class) when written.
            string desired = _context.NameOverride(parameter) ?? Identifiers.ToCamelCase(name).TrimStart('@');
            string identifier = Identifiers.EscapeKeyword(_context.Claim(scope, desired, $"parameter '{name}'", parameter.Get("name") ?? parameter));
            TypeSpec type = parameter.Get("schema") is { } schema
                ? _schemas.ResolveType(schema, methodName + Identifiers.ToPascalCase(identifier.TrimStart('@')))
                : new TypeSpec(TypeKind.String);
            if (location == ParameterLocation.Path)
            {
                type = type with { IsNullable = false }; // a path segment always has a value
            }

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

    private bool TryReadRequestBody(YamlNode bodyNode, string methodName, string operationId, out RequestBodySpec? body)
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
                _context.Report(Descriptors.SkippedElement, contentKey, $"The request body content type '{YamlNodes.KeyText(contentKey)}'", $"the operation '{operationId}'");
                return false;
            }

            return true; // a body without content: nothing to send
        }

        string? description = requestBody.GetString("description");
        if (string.IsNullOrWhiteSpace(description))
        {
            description = (Deref(schema) as YamlMappingNode)?.GetString("description");
        }

        body = new RequestBodySpec(
            _schemas.ResolveType(schema, methodName + "Request"),
            requestBody.GetBool("required"),
            string.IsNullOrWhiteSpace(description) ? "The request body." : description!);
        return true;
    }

    private List<ReadResponse> ReadResponses(YamlMappingNode operation, string methodName)
    {
        var result = new List<ReadResponse>();
        if (operation.Get("responses") is not YamlMappingNode responses)
        {
            return result;
        }

        bool firstSuccessBody = true;
        foreach (KeyValuePair<YamlNode, YamlNode> entry in responses.Children)
        {
            string status = YamlNodes.KeyText(entry.Key);
            if (status.StartsWith("x-", StringComparison.Ordinal))
            {
                continue; // a vendor extension, not a response
            }

            if (!IsResponseKey(status))
            {
                _context.Report(Descriptors.MalformedElement, entry.Key, $"Response key '{status}'", "'default', a status code or a range such as 2XX");
                continue;
            }

            if (Deref(entry.Value) is not YamlMappingNode response)
            {
                continue;
            }

            bool success = status.StartsWith("2", StringComparison.Ordinal);
            TypeSpec? bodyType = null;
            ResultKind kind = ResultKind.None;
            if (FindJsonSchema(response, out _) is { } schema)
            {
                // Inline bodies are named <Method>Response, then <Method>Response201 …, <Method>Error404.
                string name = success ? (firstSuccessBody ? "Response" : "Response" + Identifiers.ToPascalCaseSuffix(status)) : "Error" + Identifiers.ToPascalCaseSuffix(status);
                firstSuccessBody &= !success;
                bodyType = _schemas.ResolveType(schema, methodName + name);
                kind = ResultKind.Json;
            }
            else if (HasTextBody(response))
            {
                kind = ResultKind.Text;
            }

            var codes = new List<string>();
            var codeNodes = new List<YamlNode>();
            if (response.Get("x-error-codes") is YamlSequenceNode list)
            {
                foreach (YamlScalarNode code in list.Children.OfType<YamlScalarNode>().Where(c => !string.IsNullOrEmpty(c.Value)))
                {
                    codes.Add(code.Value!);
                    codeNodes.Add(code);
                }
            }

            var spec = new ResponseSpec(status, response.GetString("description"), bodyType, codes.ToEquatableArray());
            result.Add(new ReadResponse(spec, entry.Key, success, kind, codeNodes));
        }

        return result;
    }

    /// <summary>A <c>text/plain</c> body whose schema (if any) is a string: returned as text.</summary>
    private static bool HasTextBody(YamlMappingNode response) =>
        response.Get("content") is YamlMappingNode content
        && content.Children.Any(media =>
            YamlNodes.KeyText(media.Key) is { } type
            && (type == "text/plain" || type.StartsWith("text/plain;", StringComparison.Ordinal))
            && (media.Value is not YamlMappingNode mediaNode || mediaNode.Get("schema") is not YamlMappingNode schema || schema.GetString("type") is null or "string"));

    /// <summary><c>default</c>, <c>404</c> or <c>4XX</c>: the response keys OpenAPI allows.</summary>
    private static bool IsResponseKey(string key) =>
        key == "default"
        || key.Length == 3 && key[0] is >= '1' and <= '5' && (IsDigits(key.Substring(1)) || key.Substring(1) is "XX" or "xx");

    private static bool IsDigits(string text) => text.All(c => c is >= '0' and <= '9');

    private static bool IsHttpToken(string name) =>
        name.Length > 0 && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0);

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

/// <summary>A response as read, with what the plan and the error-code catalog need besides its model.</summary>
internal sealed record ReadResponse(ResponseSpec Spec, YamlNode KeyNode, bool IsSuccess, ResultKind Kind, List<YamlNode> CodeNodes);
