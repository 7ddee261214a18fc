using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>Writes one operation's method: argument checks, the request, and the send its plan calls for.</summary>
internal static class OperationEmitter
{
    private const string Runtime = Header.RuntimeAlias;
    private const string Tasks = "__Sys::Threading.Tasks";
    public const string Token = "__Sys::Threading.CancellationToken";

    /// <summary>The parameters in declaration order: required ones, the body, optional ones, the token.</summary>
    public static List<string> Parameters(OperationSpec operation, TypeCode types, ParameterSpec? without = null, bool bodyRequired = false)
    {
        var parameters = new List<string>();
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.IsRequired && p != without))
        {
            parameters.Add($"{types.TypeName(parameter.Type, parameter.Type.IsNullable)} {parameter.Identifier}");
        }

        if (operation.RequestBody is { } body)
        {
            bool optional = !body.IsRequired && !bodyRequired;
            parameters.Add($"{types.TypeName(body.Type, optional || (body.Type.IsNullable && !bodyRequired))} {operation.Names.Body}" + (optional ? " = default" : string.Empty));
        }

        foreach (ParameterSpec parameter in operation.Parameters.Where(p => !p.IsRequired && p != without))
        {
            parameters.Add($"{types.TypeName(parameter.Type, nullable: true)} {parameter.Identifier} = default");
        }

        return parameters;
    }

    public static string Signature(OperationSpec operation, TypeCode types)
    {
        List<string> parameters = Parameters(operation, types);
        parameters.Add($"{Token} {operation.Names.CancellationToken} = default");
        OperationPlan plan = operation.Plan;
        string returnType = plan.ResultType is { } result && plan.ResultKind != ResultKind.None
            ? $"{Tasks}.Task<{types.TypeName(result, result.IsNullable)}>"
            : $"{Tasks}.Task";
        return $"{returnType} {operation.MethodName}Async({string.Join(", ", parameters)})";
    }

    public static void Write(SourceWriter writer, OperationSpec operation, TypeCode types)
    {
        MethodNames names = operation.Names;
        writer.OpenBlock("public async " + Signature(operation, types));
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.IsRequired && !TypeCode.IsValueType(p.Type) && !p.Type.IsNullable))
        {
            WriteNullCheck(writer, parameter.Identifier);
        }

        if (operation.RequestBody is { IsRequired: true } required && !TypeCode.IsValueType(required.Type) && !required.Type.IsNullable)
        {
            WriteNullCheck(writer, names.Body);
        }

        writer.WriteLine($"string {names.Uri} = {ParameterCode.PathExpression(operation, types)};");
        List<ParameterSpec> query = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (query.Count > 0)
        {
            writer.WriteLine($"__Sys::Text.StringBuilder? {names.Query} = null;");
            foreach (ParameterSpec parameter in query)
            {
                ParameterCode.WriteQueryParameter(writer, parameter, names, types);
            }

            writer.WriteLine($"{names.Uri} = {Runtime}::ApiUri.WithQuery({names.Uri}, {names.Query});");
        }

        // A path without parameters is a literal (still so when no query parameter was given): the connection parses its Uri once.
        bool literalPath = operation.Path.IndexOf('{') < 0;
        string constantPath = !literalPath ? "" : query.Count == 0 ? ", constantPath: true" : $", constantPath: {names.Query} is null";
        writer.WriteLine($"using var {names.Request} = _connection.CreateRequest({ParameterCode.MethodExpression(operation.HttpMethod)}, {names.Uri}{constantPath});");
        WriteHeaders(writer, operation, types);
        WriteBody(writer, operation, types);
        WriteSend(writer, operation, types);
        writer.CloseBlock();
    }

    /// <summary>A literal, not nameof: a parameter the spec names "nameof" would turn nameof(x) into a call.</summary>
    public static void WriteNullCheck(SourceWriter writer, string identifier)
    {
        writer.OpenBlock($"if ({identifier} is null)");
        writer.WriteLine($"throw new __Sys::ArgumentNullException({TypeCode.Literal(identifier.TrimStart('@'))});");
        writer.CloseBlock();
    }

    private static void WriteHeaders(SourceWriter writer, OperationSpec operation, TypeCode types)
    {
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            bool present = parameter.IsRequired && !parameter.Type.IsNullable;
            string add = $"{operation.Names.Request}.Headers.Add({TypeCode.Literal(parameter.Name)}, {ParameterCode.FormatExpression(parameter.Type, parameter.Identifier, present, types)});";
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
    }

    /// <summary>Any method, DELETE included, sends the body the spec declares.</summary>
    private static void WriteBody(SourceWriter writer, OperationSpec operation, TypeCode types)
    {
        if (operation.RequestBody is not { } body)
        {
            return;
        }

        MethodNames names = operation.Names;

        // The body is written only when present, so its writer never sees null (nor a Nullable<T> wrapper).
        string write = ParameterCode.WriteDelegate(body.Type with { IsNullable = false }, types);
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

    private static void WriteSend(SourceWriter writer, OperationSpec operation, TypeCode types)
    {
        MethodNames names = operation.Names;
        string common = $"{names.Request}, {TypeCode.Literal(operation.OperationId)}, {ClientEmitter.SuccessField(operation)}";
        switch (operation.Plan.ResultKind)
        {
            case ResultKind.Json when operation.Plan.ResultType is { } result:
                writer.WriteLine($"return await _connection.SendAsync({common}, {ParameterCode.ReadDelegate(result, types)}, {names.CancellationToken}).ConfigureAwait(false);");
                break;
            case ResultKind.Text:
                writer.WriteLine($"return await _connection.SendTextAsync({common}, {names.CancellationToken}).ConfigureAwait(false);");
                break;
            default:
                writer.WriteLine($"await _connection.SendAsync({common}, {names.CancellationToken}).ConfigureAwait(false);");
                break;
        }
    }
}
