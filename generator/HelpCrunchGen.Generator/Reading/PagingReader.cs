using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Reads the <c>x-paging</c> extension of an operation and checks it against the operation: the offset and limit
/// name integer query parameters or request-body properties, and the items and total paths lead, through the
/// response's schemas, to an array and an integer. Anything else is HCG0010 at the node, and no paging.
/// </summary>
internal sealed class PagingReader
{
    public const string ExtensionKey = "x-paging";

    private readonly ReadContext _context;
    private readonly SchemaReader _schemas;
    private readonly NameScope _methodNames;

    public PagingReader(ReadContext context, SchemaReader schemas, NameScope methodNames)
    {
        _context = context;
        _schemas = schemas;
        _methodNames = methodNames;
    }

    public PagingPlan? Read(YamlNode node, string methodName, EquatableArray<ParameterSpec> parameters, RequestBodySpec? body, TypeSpec? result, NameScope scope)
    {
        if (node is not YamlMappingNode paging)
        {
            _context.Report(Descriptors.MalformedElement, node, $"'{ExtensionKey}'", "a mapping with offset, limit and items");
            return null;
        }

        Dictionary<string, SchemaSpec> schemas = _schemas.Schemas.ToDictionary(s => s.TypeName, StringComparer.Ordinal);
        PagingSlot? offset = ReadSlot(paging, "offset", parameters, body, schemas);
        PagingSlot? limit = ReadSlot(paging, "limit", parameters, body, schemas);
        int? maxLimit = ReadMaxLimit(paging, out bool maxLimitValid);
        if (result is null || result.Kind != TypeKind.Object)
        {
            _context.Report(Descriptors.MalformedElement, node, $"'{ExtensionKey}'", "on an operation whose success response is a JSON object");
            return null;
        }

        EquatableArray<PathStep>? items = ReadPath(paging, "items", result, schemas, TypeKind.Array, "an array", out TypeSpec? itemsType, required: true);
        EquatableArray<PathStep>? total = ReadPath(paging, "total", result, schemas, null, "an integer", out _, required: false);
        if (offset is null || limit is null || !maxLimitValid || items is null || total is null)
        {
            return null;
        }

        if (offset.Kind != limit.Kind)
        {
            _context.Report(Descriptors.MalformedElement, paging.Get("limit")!, $"'{ExtensionKey}' limit", "in the same place as the offset (both query parameters or both body properties)");
            return null;
        }

        var names = new PagingNames(
            Requested: scope.Claim("requestedLimit", "a local"),
            PageSize: scope.Claim("pageSize", "a local"),
            Offset: offset.Kind == PagingSlotKind.Query ? offset.Identifier : scope.Claim("offset", "a local"), // the parameter the caller no longer passes
            Page: scope.Claim("page", "a local"),
            Items: scope.Claim("items", "a local"),
            Total: scope.Claim("total", "a local"),
            Item: scope.Claim("pageItem", "a local"));
        string name = _context.Claim(_methodNames, methodName + "All", $"the paging of operation '{methodName}'", node);
        return new PagingPlan(name, offset, limit, maxLimit, items.Value, itemsType!.Element!, total.Value, names);
    }

    private PagingSlot? ReadSlot(YamlMappingNode paging, string key, EquatableArray<ParameterSpec> parameters, RequestBodySpec? body, Dictionary<string, SchemaSpec> schemas)
    {
        string what = $"'{ExtensionKey}' {key}";
        if (paging.Get(key) is not YamlScalarNode { Value: { Length: > 0 } name } valueNode)
        {
            _context.Report(Descriptors.MalformedElement, paging.Get(key) ?? paging, what, "the name of a query parameter or request-body property");
            return null;
        }

        if (parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.Name == name) is { } parameter)
        {
            if (IsInteger(parameter.Type))
            {
                return new PagingSlot(PagingSlotKind.Query, parameter.Identifier, parameter.Type.Kind, parameter.Type.IsNullable || !parameter.IsRequired);
            }
        }
        else if (body?.Type is { Kind: TypeKind.Object, TypeName: { } bodyType }
            && schemas.TryGetValue(bodyType, out SchemaSpec? schema)
            && schema.Properties.FirstOrDefault(p => p.JsonName == name) is { } property)
        {
            if (IsInteger(property.Type))
            {
                return new PagingSlot(PagingSlotKind.Body, property.Identifier, property.Type.Kind, property.IsNullableInCSharp);
            }
        }
        else
        {
            _context.Report(Descriptors.MalformedElement, valueNode, $"{what} '{name}'", "a query parameter of the operation or a property of its object request body");
            return null;
        }

        _context.Report(Descriptors.MalformedElement, valueNode, $"{what} '{name}'", "an integer (int32 or int64)");
        return null;
    }

    private int? ReadMaxLimit(YamlMappingNode paging, out bool valid)
    {
        valid = true;
        if (paging.Get("maxLimit") is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            && value > 0)
        {
            return value;
        }

        valid = false;
        _context.Report(Descriptors.MalformedElement, node, $"'{ExtensionKey}' maxLimit", "a positive integer");
        return null;
    }

    /// <summary>
    /// Follows a dotted path (<c>meta.total</c>) from <paramref name="root"/> through object properties; the last one
    /// must be of <paramref name="expected"/> kind (null: an integer). An absent optional path is an empty one.
    /// </summary>
    private EquatableArray<PathStep>? ReadPath(YamlMappingNode paging, string key, TypeSpec root, Dictionary<string, SchemaSpec> schemas, TypeKind? expected, string expectedText, out TypeSpec? leaf, bool required)
    {
        leaf = null;
        string what = $"'{ExtensionKey}' {key}";
        YamlNode? node = paging.Get(key);
        if (node is null && !required)
        {
            return EquatableArray<PathStep>.Empty;
        }

        if (node is not YamlScalarNode { Value: { Length: > 0 } path })
        {
            _context.Report(Descriptors.MalformedElement, node ?? paging, what, "a dotted path into the response body");
            return null;
        }

        var steps = new List<PathStep>();
        TypeSpec current = root;
        foreach (string segment in path.Split('.'))
        {
            if (current is not { Kind: TypeKind.Object, TypeName: { } typeName }
                || !schemas.TryGetValue(typeName, out SchemaSpec? schema)
                || schema.Properties.FirstOrDefault(p => p.JsonName == segment) is not { } property)
            {
                _context.Report(Descriptors.MalformedElement, node, $"{what} '{path}'", $"a path of properties in the response body ('{segment}' is not one)");
                return null;
            }

            steps.Add(new PathStep(property.Identifier, property.IsNullableInCSharp));
            current = property.Type;
        }

        bool matches = expected is { } kind ? current.Kind == kind : IsInteger(current);
        if (!matches)
        {
            _context.Report(Descriptors.MalformedElement, node, $"{what} '{path}'", $"the path of {expectedText} in the response body");
            return null;
        }

        leaf = current;
        return steps.ToEquatableArray();
    }

    private static bool IsInteger(TypeSpec type) => type.Kind is TypeKind.Int32 or TypeKind.Int64;
}
