using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>The XML docs of an operation's method: summary, parameters, and the errors with their codes.</summary>
internal static class OperationDocs
{
    private const string Runtime = Header.RuntimeAlias;

    public static void Write(SourceWriter writer, OperationSpec operation, EmitOptions options, string? errorCodesClass)
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
            WriteParameter(writer, parameter);
        }

        if (operation.RequestBody is { } body)
        {
            writer.WriteLine($"/// <param name=\"{operation.Names.Body}\">{DocComments.Inline(body.Description)}</param>");
        }

        writer.WriteLine($"/// <param name=\"{operation.Names.CancellationToken}\">Cancels the request.</param>");
        WriteErrors(writer, operation, options, errorCodesClass);
        WriteObsolete(writer, operation);
    }

    public static void WriteParameter(SourceWriter writer, ParameterSpec parameter)
    {
        string text = DocComments.Inline(parameter.Description);
        if (text.Length == 0)
        {
            text = $"The {parameter.Location.ToString().ToLowerInvariant()} parameter <c>{DocComments.Escape(parameter.Name)}</c>.";
        }

        writer.WriteLine($"/// <param name=\"{DocComments.EscapeAttribute(parameter.Identifier.TrimStart('@'))}\">{text}</param>");
    }

    public static void WriteErrors(SourceWriter writer, OperationSpec operation, EmitOptions options, string? errorCodesClass)
    {
        bool anyCodes = false;
        foreach (ResponseSpec response in operation.Responses.Where(r => !r.StatusCode.StartsWith("2", System.StringComparison.Ordinal)))
        {
            anyCodes |= !response.ErrorCodes.IsEmpty;
            string codes = response.ErrorCodes.IsEmpty
                ? string.Empty
                : " Error codes: " + string.Join(", ", response.ErrorCodes.Select(c => $"<c>{DocComments.Escape(c)}</c>")) + ".";
            writer.WriteLine($"/// <exception cref=\"{Runtime}::ApiException\">{DocComments.Escape(response.StatusCode)}: {DocComments.Inline(response.Description)}{codes}</exception>");
        }

        if (anyCodes && errorCodesClass is not null)
        {
            writer.WriteLine($"/// <seealso cref=\"{options.Qualify(errorCodesClass)}\"/>");
        }
    }

    public static void WriteObsolete(SourceWriter writer, OperationSpec operation)
    {
        if (operation.IsDeprecated)
        {
            writer.WriteLine("[__Sys::Obsolete(\"Deprecated in the API specification.\")]");
        }
    }
}
