using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>What the client file depends on: editing a schema does not touch it.</summary>
internal sealed record ClientSpec(string Title, string? Description, string DefaultServer, EquatableArray<OperationSpec> Operations);

/// <summary>
/// Emits the client: an interface for mocking, the class that sends each operation through the runtime's
/// <c>ApiConnection</c>, and one class of error-code constants per operation.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = "global::HelpCrunchGen.Runtime";
    private const string Tasks = "global::System.Threading.Tasks";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(ClientSpec client, EmitOptions options)
    {
        var types = new TypeCode(options);
        SourceWriter writer = Header.Start(options);
        string clientType = options.Qualify(options.ClientName);

        DocComments.WriteSummary(writer, $"A client for the {client.Title} API.");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial interface I{options.ClientName}");
        bool first = true;
        foreach (OperationSpec operation in client.Operations)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            WriteMethodDocs(writer, operation, options);
            writer.WriteLine($"{Signature(operation, types)};");
        }

        writer.CloseBlock();
        writer.WriteLine();

        DocComments.WriteSummary(writer, client.Description ?? $"A client for the {client.Title} API.");
        writer.WriteLine("/// <remarks>Thread-safe. It never disposes the <see cref=\"global::System.Net.Http.HttpClient\"/> it is given.</remarks>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {options.ClientName} : {options.Qualify("I" + options.ClientName)}");
        writer.WriteLine("/// <summary>The server the spec lists first; used when <see cref=\"" + Runtime + ".ApiClientOptions.BaseAddress\"/> is not set.</summary>");
        writer.WriteLine($"public const string DefaultBaseAddress = {TypeCode.Literal(client.DefaultServer)};");
        writer.WriteLine();
        foreach (OperationSpec operation in client.Operations)
        {
            writer.WriteLine($"private static readonly int[] s_{operation.MethodName}Success = new[] {{ {string.Join(", ", SuccessCodes(operation).Select(code => code.ToString(CultureInfo.InvariantCulture)))} }};");
        }

        writer.WriteLines($$"""

            private readonly {{Runtime}}.ApiConnection _connection;

            /// <summary>Creates a client that sends requests through <paramref name="httpClient"/>.</summary>
            /// <param name="httpClient">The HTTP client to send with; the caller owns it.</param>
            /// <param name="options">The base address and API key.</param>
            /// <exception cref="global::System.ArgumentException">The base address is not absolute, or not https for a non-loopback host, or the API key is malformed.</exception>
            public {{options.ClientName}}(global::System.Net.Http.HttpClient httpClient, {{Runtime}}.ApiClientOptions options)
            {
                if (httpClient is null)
                {
                    throw new global::System.ArgumentNullException(nameof(httpClient));
                }

                if (options is null)
                {
                    throw new global::System.ArgumentNullException(nameof(options));
                }

                _connection = new {{Runtime}}.ApiConnection(httpClient, options, DefaultBaseAddress);
            }
            """);

        foreach (OperationSpec operation in client.Operations)
        {
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            WriteMethod(writer, operation, types, options);
        }

        writer.CloseBlock();

        foreach (OperationSpec operation in client.Operations)
        {
            WriteErrorCodes(writer, operation);
        }

        return writer.ToString();
    }

    private static string Signature(OperationSpec operation, TypeCode types)
    {
        var parameters = new List<string>();
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.IsRequired))
        {
            parameters.Add($"{types.TypeName(parameter.Type, parameter.Type.IsNullable)} {parameter.Identifier}");
        }

        if (operation.RequestBody is { } body)
        {
            bool optional = !body.IsRequired;
            parameters.Add($"{types.TypeName(body.Type, optional || body.Type.IsNullable)} {operation.Names.Body}" + (optional ? " = default" : string.Empty));
        }

        foreach (ParameterSpec parameter in operation.Parameters.Where(p => !p.IsRequired))
        {
            parameters.Add($"{types.TypeName(parameter.Type, nullable: true)} {parameter.Identifier} = default");
        }

        parameters.Add($"{Token} {operation.Names.CancellationToken} = default");
        TypeSpec? result = ResultType(operation);
        string returnType = result is null ? $"{Tasks}.Task" : $"{Tasks}.Task<{types.TypeName(result, result.IsNullable)}>";
        return $"{returnType} {operation.MethodName}Async({string.Join(", ", parameters)})";
    }

    private static void WriteMethodDocs(SourceWriter writer, OperationSpec operation, EmitOptions options)
    {
        string summary = operation.Summary ?? operation.Description ?? $"{operation.HttpMethod} {operation.Path}";
        writer.WriteLine("/// <summary>");
        DocComments.WriteParagraph(writer, summary);
        writer.WriteLine($"/// <para><c>{operation.HttpMethod} {DocComments.Escape(operation.Path)}</c> (<c>{DocComments.Escape(operation.OperationId)}</c>)</para>");
        writer.WriteLine("/// </summary>");
        if (operation.Summary is not null && !string.IsNullOrWhiteSpace(operation.Description))
        {
            writer.WriteLine("/// <remarks>");
            DocComments.WriteParagraph(writer, operation.Description!);
            writer.WriteLine("/// </remarks>");
        }

        foreach (ParameterSpec parameter in operation.Parameters)
        {
            writer.WriteLine($"/// <param name=\"{DocComments.EscapeAttribute(parameter.Identifier.TrimStart('@'))}\">{DocComments.Inline(parameter.Description)}</param>");
        }

        if (operation.RequestBody is { } body)
        {
            writer.WriteLine($"/// <param name=\"{operation.Names.Body}\">{DocComments.Inline(body.Description)}</param>");
        }

        writer.WriteLine($"/// <param name=\"{operation.Names.CancellationToken}\">Cancels the request.</param>");
        foreach (ResponseSpec response in operation.Responses.Where(r => !IsSuccess(r.StatusCode)))
        {
            string codes = response.ErrorCodes.IsEmpty
                ? string.Empty
                : " Error codes: " + string.Join(", ", response.ErrorCodes.Select(c => $"<c>{DocComments.Escape(c)}</c>")) + ".";
            writer.WriteLine($"/// <exception cref=\"{Runtime}.ApiException\">{DocComments.Escape(response.StatusCode)}: {DocComments.Inline(response.Description)}{codes}</exception>");
        }

        if (operation.ErrorsClassName is { } errors)
        {
            writer.WriteLine($"/// <seealso cref=\"{options.Qualify(errors)}\"/>");
        }

        if (operation.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"Deprecated in the API specification.\")]");
        }
    }

    private static void WriteMethod(SourceWriter writer, OperationSpec operation, TypeCode types, EmitOptions options)
    {
        MethodNames names = operation.Names;
        writer.OpenBlock("public async " + Signature(operation, types));
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.IsRequired && !TypeCode.IsValueType(p.Type) && !p.Type.IsNullable))
        {
            writer.OpenBlock($"if ({parameter.Identifier} is null)");
            // A literal, not nameof: a parameter the spec names "nameof" would turn nameof(x) into a call.
            writer.WriteLine($"throw new global::System.ArgumentNullException({TypeCode.Literal(parameter.Identifier.TrimStart('@'))});");
            writer.CloseBlock();
        }

        if (operation.RequestBody is { IsRequired: true } required && !TypeCode.IsValueType(required.Type) && !required.Type.IsNullable)
        {
            writer.OpenBlock($"if ({names.Body} is null)");
            writer.WriteLine($"throw new global::System.ArgumentNullException({TypeCode.Literal(names.Body)});");
            writer.CloseBlock();
        }

        writer.WriteLine($"string {names.Uri} = {PathExpression(operation, types)};");
        List<ParameterSpec> query = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (query.Count > 0)
        {
            writer.WriteLine($"global::System.Text.StringBuilder? {names.Query} = null;");
            foreach (ParameterSpec parameter in query)
            {
                WriteQueryParameter(writer, parameter, names, types);
            }

            writer.WriteLine($"{names.Uri} = {Runtime}.ApiUri.WithQuery({names.Uri}, {names.Query});");
        }

        writer.WriteLine($"using var {names.Request} = _connection.CreateRequest({MethodExpression(operation.HttpMethod)}, {names.Uri});");
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            bool present = parameter.IsRequired && !parameter.Type.IsNullable;
            string add = $"{names.Request}.Headers.Add({TypeCode.Literal(parameter.Name)}, {FormatExpression(parameter.Type, parameter.Identifier, present, types)});";
            if (present)
            {
                writer.WriteLine(add);
            }
            else
            {
                writer.OpenBlock($"if ({parameter.Identifier} is not null)");
                writer.WriteLine(add);
                writer.CloseBlock();
            }
        }

        if (operation.RequestBody is { } body)
        {
            // The body is written only when present, so its writer never sees null (nor a Nullable<T> wrapper).
            string write = WriteDelegate(body.Type with { IsNullable = false }, types);
            if (!body.IsRequired || body.Type.IsNullable)
            {
                // An absent optional body sends no content; a value type is unwrapped from its Nullable<T>.
                string value = TypeCode.IsValueType(body.Type) ? names.Body + ".Value" : names.Body;
                writer.OpenBlock($"if ({names.Body} is not null)");
                writer.WriteLine($"_connection.SetJsonContent({names.Request}, {value}, {write});");
                writer.CloseBlock();
            }
            else
            {
                writer.WriteLine($"_connection.SetJsonContent({names.Request}, {names.Body}, {write});");
            }
        }

        TypeSpec? result = ResultType(operation);
        string operationId = TypeCode.Literal(operation.OperationId);
        if (result is null)
        {
            writer.WriteLine($"await _connection.SendAsync({names.Request}, {operationId}, s_{operation.MethodName}Success, {names.CancellationToken}).ConfigureAwait(false);");
        }
        else
        {
            writer.WriteLine($"return await _connection.SendAsync({names.Request}, {operationId}, s_{operation.MethodName}Success, {ReadDelegate(result, types)}, {names.CancellationToken}).ConfigureAwait(false);");
        }

        writer.CloseBlock();
    }

    private static void WriteQueryParameter(SourceWriter writer, ParameterSpec parameter, MethodNames names, TypeCode types)
    {
        string name = TypeCode.Literal(parameter.Name);
        if (parameter.Type.Kind == TypeKind.Array)
        {
            // Arrays repeat the parameter (OpenAPI's default: style=form, explode=true).
            TypeSpec element = parameter.Type.Element!;
            writer.OpenBlock($"if ({parameter.Identifier} is not null)");
            writer.OpenBlock($"foreach (var {names.Item} in {parameter.Identifier})");
            string value = FormatExpression(element, names.Item, valueIsPresent: !element.IsNullable, types);
            writer.WriteLine($"{Runtime}.ApiUri.AppendQuery(ref {names.Query}, {name}, {(element.IsNullable ? $"{names.Item} is null ? null : {value}" : value)});");
            writer.CloseBlock();
            writer.CloseBlock();
            return;
        }

        bool present = parameter.IsRequired && !parameter.Type.IsNullable;
        string formatted = FormatExpression(parameter.Type, parameter.Identifier, present, types);
        writer.WriteLine($"{Runtime}.ApiUri.AppendQuery(ref {names.Query}, {name}, {(present ? formatted : $"{parameter.Identifier} is null ? null : {formatted}")});");
    }

    /// <summary>The path with escaped parameter values: <c>"chats/" + Escape(Format(chatId)) + "/messages"</c>.</summary>
    private static string PathExpression(OperationSpec operation, TypeCode types)
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
                : $"{Runtime}.ApiUri.Escape({FormatExpression(parameter.Type, parameter.Identifier, valueIsPresent: true, types)})");
            position = close + 1;
        }

        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    /// <summary>
    /// The shared <c>HttpMethod</c> instance for the methods netstandard2.0 has one for (no allocation per call);
    /// a new instance for any other (PATCH has no static property there).
    /// </summary>
    private static string MethodExpression(string httpMethod) => httpMethod.ToUpperInvariant() switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => $"new global::System.Net.Http.HttpMethod({TypeCode.Literal(httpMethod)})",
    };

    /// <summary>
    /// A string expression for a parameter value: invariant culture, unescaped. Arrays are comma-separated
    /// (OpenAPI's <c>style: simple</c>), each item formatted as its own type.
    /// </summary>
    private static string FormatExpression(TypeSpec type, string value, bool valueIsPresent, TypeCode types)
    {
        string v = valueIsPresent || !TypeCode.IsValueType(type) ? value : value + ".Value";
        return type.Kind switch
        {
            TypeKind.String => v + "!",
            TypeKind.Enum or TypeKind.Union => $"{v}.ToString()",
            TypeKind.Object or TypeKind.Map => $"{Runtime}.JsonWrite.ToJsonText({v}, {WriteDelegate(type, types)})",
            TypeKind.UnixTime => $"{Runtime}.ApiUri.Format({v}.ToUnixTimeSeconds())",
            TypeKind.Array => $"string.Join(\",\", global::System.Linq.Enumerable.Select({v}, static x => {ItemFormat(type.Element!, types)}))",
            TypeKind.Any => $"{v}.GetRawText()",
            _ => $"{Runtime}.ApiUri.Format({v})",
        };
    }

    /// <summary>An array item as text; a null item is an empty string.</summary>
    private static string ItemFormat(TypeSpec element, TypeCode types) =>
        element.IsNullable
            ? $"x is null ? string.Empty : {FormatExpression(element, "x", valueIsPresent: false, types)}"
            : FormatExpression(element, "x", valueIsPresent: true, types);

    private static string ReadDelegate(TypeSpec type, TypeCode types) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum when !type.IsNullable => $"{types.ConverterName(type)}.ReadValue",
        _ => $"static (ref global::System.Text.Json.Utf8JsonReader reader) => {types.ReadExpression(type, type.IsNullable)}",
    };

    private static string WriteDelegate(TypeSpec type, TypeCode types) => type.Kind switch
    {
        TypeKind.Object => $"{types.ConverterName(type)}.WriteValue",
        _ => $"static (writer, value) => {{ {types.WriteStatement(type, type.IsNullable && TypeCode.IsValueType(type) ? "value.Value" : "value")} }}",
    };

    private static TypeSpec? ResultType(OperationSpec operation) =>
        operation.Responses.FirstOrDefault(r => IsSuccess(r.StatusCode) && r.Body is not null)?.Body;

    private static bool IsSuccess(string status) => status.StartsWith("2", StringComparison.Ordinal);

    private static IEnumerable<int> SuccessCodes(OperationSpec operation)
    {
        var codes = new SortedSet<int>();
        foreach (ResponseSpec response in operation.Responses.Where(r => IsSuccess(r.StatusCode)))
        {
            if (int.TryParse(response.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            {
                codes.Add(code);
            }
            else
            {
                codes.UnionWith(Enumerable.Range(200, 100)); // "2XX"
            }
        }

        return codes.Count > 0 ? codes : Enumerable.Range(200, 100);
    }

    private static void WriteErrorCodes(SourceWriter writer, OperationSpec operation)
    {
        if (operation.ErrorsClassName is not { } className)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The error codes <c>{DocComments.Escape(operation.OperationId)}</c> can return, for <see cref=\"{Runtime}.ApiException.HasCode(string)\"/>.</summary>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.OpenBlock($"public static partial class {className}");
        bool first = true;
        foreach (ErrorCodeSpec code in operation.ErrorCodes)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            IEnumerable<string> statuses = operation.Responses.Where(r => r.ErrorCodes.Contains(code.Code)).Select(r => r.StatusCode);
            writer.WriteLine($"/// <summary><c>{DocComments.Escape(code.Code)}</c>, with status {DocComments.Escape(string.Join(", ", statuses))}.</summary>");
            writer.WriteLine($"public const string {code.Identifier} = {TypeCode.Literal(code.Code)};");
        }

        writer.CloseBlock();
    }
}
