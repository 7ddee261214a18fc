using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// Writes <c>…AllAsync</c> for an operation with a paging plan: an async stream that requests page after page by
/// offset until the total, a short page or an empty page.
/// </summary>
internal static class PagingEmitter
{
    private const string Collections = "__Sys::Collections.Generic";

    public static string Signature(OperationSpec operation, PagingPlan paging, TypeCode types, bool withCancellationAttribute)
    {
        ParameterSpec? offset = OffsetParameter(operation, paging);
        List<string> parameters = OperationEmitter.Parameters(operation, types, without: offset, bodyRequired: paging.Offset.Kind == PagingSlotKind.Body);
        string attribute = withCancellationAttribute ? "[__Sys::Runtime.CompilerServices.EnumeratorCancellation] " : string.Empty;
        parameters.Add($"{attribute}{OperationEmitter.Token} {operation.Names.CancellationToken} = default");
        return $"{Collections}.IAsyncEnumerable<{ItemType(paging, types)}> {paging.MethodName}Async({string.Join(", ", parameters)})";
    }

    public static void WriteDocs(SourceWriter writer, OperationSpec operation, PagingPlan paging, EmitOptions options, string? errorCodesClass)
    {
        string pageSize = paging.MaxLimit is { } max
            ? $"Pages hold at most {max.ToString(CultureInfo.InvariantCulture)} items (the default page size); a larger page size is lowered to it."
            : "The page size is sent as given.";
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Every item of <see cref=\"{options.Qualify("I" + options.ClientName)}.{operation.MethodName}Async\"/>, page after page.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine($"/// Requests pages by offset until {(paging.Total.IsEmpty ? string.Empty : "the total, ")}a short page or an empty page. {pageSize}");
        writer.WriteLine("/// Each page is requested only when the previous one has been enumerated.");
        writer.WriteLine("/// </remarks>");
        ParameterSpec? offset = OffsetParameter(operation, paging);
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p != offset))
        {
            OperationDocs.WriteParameter(writer, parameter);
        }

        if (operation.RequestBody is { } body)
        {
            writer.WriteLine($"/// <param name=\"{operation.Names.Body}\">{DocComments.Inline(body.Description)}{(paging.Offset.Kind == PagingSlotKind.Body ? " Its offset is set per page." : string.Empty)}</param>");
        }

        writer.WriteLine($"/// <param name=\"{operation.Names.CancellationToken}\">Cancels the enumeration, between pages and during a request.</param>");
        writer.WriteLine("/// <exception cref=\"__Sys::ArgumentOutOfRangeException\">The page size is zero or negative.</exception>");
        OperationDocs.WriteErrors(writer, operation, options, errorCodesClass);
        OperationDocs.WriteObsolete(writer, operation);
    }

    public static void Write(SourceWriter writer, OperationSpec operation, PagingPlan paging, TypeCode types)
    {
        PagingNames names = paging.Names;
        string token = operation.Names.CancellationToken;
        string counter = types.TypeName(new TypeSpec(paging.Offset.Type));
        bool byBody = paging.Offset.Kind == PagingSlotKind.Body;
        string body = operation.Names.Body;

        writer.OpenBlock("public async " + Signature(operation, paging, types, withCancellationAttribute: true));
        if (byBody)
        {
            OperationEmitter.WriteNullCheck(writer, body);
            writer.WriteLine();
        }

        string requested = byBody ? $"{body}.{paging.Limit.Identifier}" : paging.Limit.Identifier;
        if (paging.MaxLimit is { } max)
        {
            string limit = max.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"{counter}? {names.Requested} = {requested};");
            writer.WriteLine($"{counter} {names.PageSize} = {names.Requested} is null || {names.Requested} > {limit} ? {limit} : {names.Requested}.Value;");
        }
        else
        {
            writer.WriteLine($"{counter}{(paging.Limit.IsNullable ? "?" : string.Empty)} {names.PageSize} = {requested};");
        }

        writer.OpenBlock($"if ({names.PageSize} <= 0)");
        writer.WriteLine($"throw new __Sys::ArgumentOutOfRangeException({TypeCode.Literal(byBody ? body : paging.Limit.Identifier.TrimStart('@'))}, \"The page size must be positive.\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{counter} {names.Offset} = 0;");
        writer.OpenBlock("while (true)");
        writer.WriteLine($"var {names.Page} = await {operation.MethodName}Async({string.Join(", ", Arguments(operation, paging))}).ConfigureAwait(false);");
        writer.WriteLine($"var {names.Items} = {Path(names.Page, operation.Plan.ResultType!.IsNullable, paging.Items)};");
        writer.OpenBlock($"if ({names.Items} is null || {names.Items}.Count == 0)");
        writer.WriteLine("yield break;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock($"foreach (var {names.Item} in {names.Items})");
        writer.WriteLine($"yield return {names.Item};");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{names.Offset} += {names.Items}.Count;");
        if (!paging.Total.IsEmpty)
        {
            writer.WriteLine($"long? {names.Total} = {Path(names.Page, operation.Plan.ResultType!.IsNullable, paging.Total)};");
            writer.OpenBlock($"if ({names.Total} is not null && {names.Offset} >= {names.Total})");
            writer.WriteLine("yield break;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        // A page shorter than asked for is the last one (the server gives at most maxLimit, which the size respects).
        writer.OpenBlock($"if ({names.Items}.Count < {names.PageSize})");
        writer.WriteLine("yield break;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{token}.ThrowIfCancellationRequested();");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string ItemType(PagingPlan paging, TypeCode types) => types.TypeName(paging.ItemType, paging.ItemType.IsNullable);

    /// <summary>The offset query parameter, which the caller does not pass (body paging keeps the body's).</summary>
    private static ParameterSpec? OffsetParameter(OperationSpec operation, PagingPlan paging) =>
        paging.Offset.Kind == PagingSlotKind.Query
            ? operation.Parameters.First(p => p.Location == ParameterLocation.Query && p.Identifier == paging.Offset.Identifier)
            : null;

    /// <summary>Named arguments for the page request: the caller's values, with this page's offset and size.</summary>
    private static IEnumerable<string> Arguments(OperationSpec operation, PagingPlan paging)
    {
        PagingNames names = paging.Names;
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            string value = parameter.Identifier == paging.Offset.Identifier && paging.Offset.Kind == PagingSlotKind.Query ? names.Offset
                : parameter.Identifier == paging.Limit.Identifier && paging.Limit.Kind == PagingSlotKind.Query ? names.PageSize
                : parameter.Identifier;
            yield return $"{parameter.Identifier}: {value}";
        }

        if (operation.RequestBody is not null)
        {
            string body = operation.Names.Body;
            yield return paging.Offset.Kind == PagingSlotKind.Body
                ? $"{body}: {body} with {{ {paging.Offset.Identifier} = {names.Offset}, {paging.Limit.Identifier} = {names.PageSize} }}"
                : $"{body}: {body}";
        }

        yield return $"{operation.Names.CancellationToken}: {operation.Names.CancellationToken}";
    }

    /// <summary><c>page.Meta?.Total</c>: a step after one that may be null is conditional.</summary>
    private static string Path(string root, bool rootMayBeNull, EquatableArray<PathStep> steps)
    {
        var text = new System.Text.StringBuilder(root);
        bool mayBeNull = rootMayBeNull;
        foreach (PathStep step in steps)
        {
            text.Append(mayBeNull ? "?." : ".").Append(step.Identifier);
            mayBeNull = step.MayBeNull; // a null earlier in the chain has already short-circuited it
        }

        return text.ToString();
    }
}
