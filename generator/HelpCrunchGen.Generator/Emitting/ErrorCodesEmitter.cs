using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>Writes the one class of error-code constants, each code once with the operations that list it.</summary>
internal static class ErrorCodesEmitter
{
    private const string Runtime = Header.RuntimeAlias;

    public static void Write(SourceWriter writer, ErrorCodesSpec errorCodes, int operationCount)
    {
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The error codes the API documents, for <see cref=\"{Runtime}::ApiException.HasCode(string)\"/>.</summary>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.OpenBlock($"public static partial class {errorCodes.ClassName}");
        bool first = true;
        foreach (ErrorCodeSpec code in errorCodes.Codes)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            writer.WriteLine($"/// <summary><c>{DocComments.Escape(code.Code)}</c>: returned by {UsedBy(code, operationCount)}.</summary>");
            writer.WriteLine($"public const string {code.Identifier} = {TypeCode.Literal(code.Code)};");
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// The operations that list a code, with their statuses; a code that every operation lists under the same
    /// statuses (401, 429 in most APIs) is "every operation (401)" instead of a list as long as the API.
    /// </summary>
    private static string UsedBy(ErrorCodeSpec code, int operationCount)
    {
        if (code.UsedBy.IsEmpty)
        {
            return "no operation";
        }

        ErrorCodeUse first = code.UsedBy[0];
        if (operationCount > 1 && code.UsedBy.Count == operationCount && code.UsedBy.All(use => use.Statuses.Equals(first.Statuses)))
        {
            return $"every operation ({DocComments.Escape(string.Join(", ", first.Statuses))})";
        }

        return string.Join(", ", code.UsedBy.Select(use => $"<c>{DocComments.Escape(use.OperationId)}</c> ({DocComments.Escape(string.Join(", ", use.Statuses))})"));
    }
}
