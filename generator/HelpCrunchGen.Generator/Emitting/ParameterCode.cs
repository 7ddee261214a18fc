using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>Values on the wire: parameters as request text (path, query, headers, formatted invariantly) and bodies as JSON delegates.</summary>
internal static class ParameterCode
{
    private const string Runtime = Header.RuntimeAlias;

    public static void WriteQueryParameter(SourceWriter writer, ParameterSpec parameter, MethodNames names, TypeCode types)
    {
        string name = TypeCode.Literal(parameter.Name);
        if (parameter.Type.Kind == TypeKind.Array)
        {
            // Arrays repeat the parameter (OpenAPI's default: style=form, explode=true).
            TypeSpec element = parameter.Type.Element!;
            writer.OpenBlock($"if ({parameter.Identifier} is not null)");
            writer.OpenBlock($"foreach (var {names.Item} in {parameter.Identifier})");
            string value = FormatExpression(element, names.Item, valueIsPresent: !element.IsNullable, types);
            writer.WriteLine($"{Runtime}::ApiUri.AppendQuery(ref {names.Query}, {name}, {(element.IsNullable ? $"{names.Item} is null ? null : {value}" : value)});");
            writer.CloseBlock();
            writer.CloseBlock();
            return;
        }

        bool present = parameter.IsRequired && !parameter.Type.IsNullable;
        string formatted = FormatExpression(parameter.Type, parameter.Identifier, present, types);
        writer.WriteLine($"{Runtime}::ApiUri.AppendQuery(ref {names.Query}, {name}, {(present ? formatted : $"{parameter.Identifier} is null ? null : {formatted}")});");
    }

    /// <summary>The path with escaped parameter values: <c>"chats/" + Escape(Format(chatId)) + "/messages"</c>.</summary>
    public static string PathExpression(OperationSpec operation, TypeCode types)
    {
        string path = operation.Path.TrimStart('/');
        var parts = new List<string>();
        int position = 0;
        while (position < path.Length)
        {
            int open = path.IndexOf('{', position);
            int close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(TypeCode.Literal(path.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(TypeCode.Literal(path.Substring(position, open - position)));
            }

            string name = path.Substring(open + 1, close - open - 1);
            ParameterSpec? parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.Name == name);
            parts.Add(parameter is null
                ? TypeCode.Literal(path.Substring(open, close - open + 1)) // undeclared: left as written
                : $"{Runtime}::ApiUri.Escape({FormatExpression(parameter.Type, parameter.Identifier, valueIsPresent: true, types)})");
            position = close + 1;
        }

        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    /// <summary>
    /// The shared <c>HttpMethod</c> instance for the methods netstandard2.0 has one for (no allocation per call);
    /// a new instance for any other (PATCH has no static property there).
    /// </summary>
    public static string MethodExpression(string httpMethod) => httpMethod.ToUpperInvariant() switch
    {
        "GET" => "__Sys::Net.Http.HttpMethod.Get",
        "PUT" => "__Sys::Net.Http.HttpMethod.Put",
        "POST" => "__Sys::Net.Http.HttpMethod.Post",
        "DELETE" => "__Sys::Net.Http.HttpMethod.Delete",
        "HEAD" => "__Sys::Net.Http.HttpMethod.Head",
        "OPTIONS" => "__Sys::Net.Http.HttpMethod.Options",
        "TRACE" => "__Sys::Net.Http.HttpMethod.Trace",
        _ => $"new __Sys::Net.Http.HttpMethod({TypeCode.Literal(httpMethod)})",
    };

    /// <summary>
    /// A string expression for a parameter value: invariant culture, unescaped. Arrays are comma-separated
    /// (OpenAPI's <c>style: simple</c>), each item formatted as its own type.
    /// </summary>
    public static string FormatExpression(TypeSpec type, string value, bool valueIsPresent, TypeCode types)
    {
        string v = valueIsPresent || !TypeCode.IsValueType(type) ? value : value + ".Value";
        return type.Kind switch
        {
            TypeKind.String => v + "!",
            TypeKind.Enum => $"{Runtime}::ApiUri.FormatEnum({v})",
            TypeKind.Object or TypeKind.Map => $"{Runtime}::JsonWrite.ToJsonText({v}, {WriteDelegate(type, types)})",
            TypeKind.UnixTime => $"{Runtime}::ApiUri.Format({v}.ToUnixTimeSeconds())",
            TypeKind.Array => $"string.Join(\",\", __Sys::Linq.Enumerable.Select({v}, static x => {ItemFormat(type.Element!, types)}))",
            TypeKind.Any => $"{v}.GetRawText()",
            TypeKind.Union => $"{Runtime}::ApiUri.Format({v}.{SchemaSpec.OwnMemberName(type.TypeName!, "Element")})",
            _ => $"{Runtime}::ApiUri.Format({v})",
        };
    }

    /// <summary>An array item as text; a null item is an empty string.</summary>
    private static string ItemFormat(TypeSpec element, TypeCode types) =>
        element.IsNullable
            ? $"x is null ? string.Empty : {FormatExpression(element, "x", valueIsPresent: false, types)}"
            : FormatExpression(element, "x", valueIsPresent: true, types);

    /// <summary>The runtime <c>JsonValueReader</c> for a result.</summary>
    public static string ReadDelegate(TypeSpec type, TypeCode types) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union when !type.IsNullable => $"{types.ConverterName(type)}.ReadValue",
        _ => $"static (ref __Json::Utf8JsonReader reader) => {types.ReadExpression(type, type.IsNullable)}",
    };

    /// <summary>The writer of a request body (or an object query value).</summary>
    public static string WriteDelegate(TypeSpec type, TypeCode types) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union => $"{types.ConverterName(type)}.WriteValue",
        _ => $"static (writer, value) => {{ {types.WriteStatement(type, type.IsNullable && TypeCode.IsValueType(type) ? "value.Value" : "value")} }}",
    };
}
