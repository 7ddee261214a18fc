using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>Writes the one class of error-code constants, each code once with the operations that list it.</summary>
internal static class ErrorCodesEmitter
{
    private const string Runtime = "global::HelpCrunchGen.Runtime";

    public static void Write(SourceWriter writer, ErrorCodesSpec errorCodes)
    {
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The error codes the API documents, for <see cref=\"{Runtime}.ApiException.HasCode(string)\"/>.</summary>");
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
            string usedBy = string.Join(", ", code.UsedBy.Select(u => $"<c>{DocComments.Escape(u.OperationId)}</c> ({DocComments.Escape(string.Join(", ", u.Statuses))})"));
            writer.WriteLine($"/// <summary><c>{DocComments.Escape(code.Code)}</c>: returned by {usedBy}.</summary>");
            writer.WriteLine($"public const string {code.Identifier} = {TypeCode.Literal(code.Code)};");
        }

        writer.CloseBlock();
    }
}
