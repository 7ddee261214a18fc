using System.Globalization;
using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>What the client file depends on: editing a schema does not touch it.</summary>
internal sealed record ClientSpec(
    string Title,
    string? Description,
    string DefaultServer,
    EquatableArray<OperationSpec> Operations,
    ErrorCodesSpec? ErrorCodes);

/// <summary>
/// Emits the client file: an interface for mocking, the class that sends each operation through the runtime's
/// <c>ApiConnection</c> as its plan says, and the API's error-code constants.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = Header.RuntimeAlias;

    /// <param name="asyncStreams">The compilation has <c>IAsyncEnumerable&lt;T&gt;</c>: paged operations get <c>…AllAsync</c>.</param>
    public static string Emit(ClientSpec client, EmitOptions options, bool asyncStreams)
    {
        var types = new TypeCode(options);
        SourceWriter writer = Header.Start(options);
        string? errorCodes = client.ErrorCodes?.ClassName;
        string summary = Summary(client);

        DocComments.WriteSummary(writer, summary);
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
            OperationDocs.Write(writer, operation, options, errorCodes);
            writer.WriteLine($"{OperationEmitter.Signature(operation, types)};");
            if (asyncStreams && operation.Plan.Paging is { } paging)
            {
                writer.WriteLine();
                PagingEmitter.WriteDocs(writer, operation, paging, options, errorCodes);
                writer.WriteLine($"{PagingEmitter.Signature(operation, paging, types, withCancellationAttribute: false)};");
            }
        }

        writer.CloseBlock();
        writer.WriteLine();

        DocComments.WriteSummary(writer, summary);
        writer.WriteLine("/// <remarks>");
        if (!string.IsNullOrWhiteSpace(client.Description))
        {
            writer.WriteLine("/// <para>");
            DocComments.WriteParagraph(writer, client.Description!);
            writer.WriteLine("/// </para>");
        }

        writer.WriteLine("/// <para>Thread-safe. It never disposes the <see cref=\"__Sys::Net.Http.HttpClient\"/> it is given.</para>");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {options.ClientName} : {options.Qualify("I" + options.ClientName)}");
        writer.WriteLine("/// <summary>The server the spec lists first; used when <see cref=\"" + Runtime + ".ApiClientOptions.BaseAddress\"/> is not set.</summary>");
        writer.WriteLine($"public const string DefaultBaseAddress = {TypeCode.Literal(client.DefaultServer)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The name of the <see cref=\"__Sys::Diagnostics.ActivitySource\"/> that traces each call (one span per operation): <c>AddSource(ActivitySourceName)</c> in OpenTelemetry.</summary>");
        string fullName = options.Namespace.Length == 0 ? options.ClientName : options.Namespace + "." + options.ClientName;
        writer.WriteLine($"public const string ActivitySourceName = {TypeCode.Literal(fullName)};");
        writer.WriteLine();
        foreach (OperationSpec operation in client.Operations)
        {
            string codes = string.Join(", ", operation.Plan.SuccessStatuses.Select(code => code.ToString(CultureInfo.InvariantCulture)));
            writer.WriteLine($"private static readonly int[] {SuccessField(operation)} = new[] {{ {codes} }};");
        }

        writer.WriteLines($$"""

            private readonly {{Runtime}}::ApiConnection _connection;

            /// <summary>Creates a client that sends requests through <paramref name="httpClient"/>.</summary>
            /// <param name="httpClient">The HTTP client to send with; the caller owns it.</param>
            /// <param name="options">The base address and API key.</param>
            /// <exception cref="__Sys::ArgumentException">The base address is not absolute, or not https for a non-loopback host, or the API key is malformed.</exception>
            public {{options.ClientName}}(__Sys::Net.Http.HttpClient httpClient, {{Runtime}}::ApiClientOptions options)
            {
                if (httpClient is null)
                {
                    throw new __Sys::ArgumentNullException(nameof(httpClient));
                }

                if (options is null)
                {
                    throw new __Sys::ArgumentNullException(nameof(options));
                }

                _connection = new {{Runtime}}::ApiConnection(httpClient, options, DefaultBaseAddress, ActivitySourceName);
            }
            """);

        foreach (OperationSpec operation in client.Operations)
        {
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            OperationEmitter.Write(writer, operation, types);
            if (asyncStreams && operation.Plan.Paging is { } paging)
            {
                writer.WriteLine();
                writer.WriteLine("/// <inheritdoc/>");
                PagingEmitter.Write(writer, operation, paging, types);
            }
        }

        writer.CloseBlock();

        if (client.ErrorCodes is { } catalog)
        {
            ErrorCodesEmitter.Write(writer, catalog, client.Operations.Count);
        }

        return writer.ToString();
    }

    public static string SuccessField(OperationSpec operation) => $"s_{operation.MethodName}Success";

    private static string Summary(ClientSpec client)
    {
        int count = client.Operations.Count;
        return $"A client for the {client.Title} API: {count.ToString(CultureInfo.InvariantCulture)} operation{(count == 1 ? string.Empty : "s")}.";
    }
}
