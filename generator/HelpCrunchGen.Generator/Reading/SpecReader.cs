using System;
using System.Threading;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>Reads one OpenAPI 3.x document (YAML or JSON) into an <see cref="ApiSpec"/> plus diagnostics. Never throws, except on cancellation.</summary>
internal static class SpecReader
{
    public static SpecResult Read(SpecSource source, CancellationToken cancellationToken)
    {
        YamlNode? root = YamlLoader.Load(source.Text, out YamlError? error);
        if (error is not null)
        {
            return Failed(source, Descriptors.YamlSyntaxError, ReadContext.LocationOf(source.FilePath, error.Start, error.End), error.Message);
        }

        if (root is not YamlMappingNode document)
        {
            return Failed(source, Descriptors.NotOpenApi, LocationInfo.FileStart(source.FilePath), "its root is not a mapping");
        }

        var context = new ReadContext(source.FilePath, document, cancellationToken);
        try
        {
            return new SpecResult(source.FilePath, source.Options, ReadDocument(context, source.Options), context.Diagnostics);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug of ours must not take the build down: report it where we were reading.
            YamlNode at = context.CurrentNode ?? document;
            context.Report(Descriptors.InternalError, at, ex.GetType().Name, ex.Message);
            return new SpecResult(source.FilePath, source.Options, null, context.Diagnostics);
        }
    }

    private static ApiSpec? ReadDocument(ReadContext context, SpecFileOptions fileOptions)
    {
        YamlMappingNode document = context.Root;
        if (document.Get("openapi") is not YamlScalarNode { Value: { } version } versionNode)
        {
            YamlNode at = document.GetKey("swagger") ?? document;
            context.Report(Descriptors.NotOpenApi, at, document.Get("swagger") is not null
                ? "Swagger 2.0 documents are not supported; convert the document to OpenAPI 3.x"
                : "it has no 'openapi' version field");
            return null;
        }

        if (!version.StartsWith("3.", StringComparison.Ordinal))
        {
            context.Report(Descriptors.NotOpenApi, versionNode, $"OpenAPI version '{version}' is not supported; use 3.0 or 3.1");
            return null;
        }

        var info = document.Get("info") as YamlMappingNode;
        string title = info?.GetString("title") ?? "Api";
        string server = document.Get("servers") is YamlSequenceNode { Children.Count: > 0 } servers
            && servers.Children[0] is YamlMappingNode first
                ? first.GetString("url") ?? string.Empty
                : string.Empty;

        // The client's own types are named first: a schema called like one of them is the one renamed.
        string clientName = ClientNames.Client(fileOptions, title);
        string contextName = ClientNames.Context(clientName);
        context.TypeNames.Reserve(clientName, "the client class");
        context.TypeNames.Reserve(ClientNames.Interface(clientName), "the client interface");
        context.TypeNames.Reserve(contextName, "the JSON context");

        var schemas = new SchemaReader(context);
        if (document.Get("components") is YamlMappingNode components && components.Get("schemas") is YamlMappingNode componentSchemas)
        {
            schemas.RegisterComponents(componentSchemas);
        }

        schemas.ReadComponents();

        var operations = new OperationReader(context, schemas);
        if (document.Get("paths") is YamlMappingNode paths)
        {
            operations.ReadPaths(paths);
        }

        EquatableArray<OperationSpec> read = operations.Operations;
        ErrorCodesSpec? errorCodes = operations.ErrorCodes(clientName);
        WebhooksSpec? webhooks = WebhookReader.Read(context, schemas, ClientNames.Prefix(clientName));
        EquatableArray<SchemaSpec> emitted = SchemaReachability.Emitted(schemas.Schemas, read, WebhookReader.UsedTypes(webhooks));
        return new ApiSpec(title, clientName, contextName, info?.GetString("description"), server, emitted, read, errorCodes, webhooks);
    }

    private static SpecResult Failed(SpecSource source, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
        new(source.FilePath, source.Options, null, new[] { new DiagnosticInfo(descriptor.Id, location, args.ToEquatableArray()) }.ToEquatableArray());
}
