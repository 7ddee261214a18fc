using System;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Emitting;
using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpCrunchGen.Generator;

/// <summary>
/// Generates typed records, their JSON code and a client from the OpenAPI documents listed as AdditionalFiles.
/// This class only wires the pipeline: reading, preparing and emitting live in their own folders.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class HelpCrunchSourceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Project settings, each reduced to a plain value before it meets anything else.
        IncrementalValueProvider<(string? RootNamespace, string? ProjectDirectory)> msbuild = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => (
                provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? ns) ? ns : null,
                provider.GlobalOptions.TryGetValue("build_property.ProjectDir", out string? directory) && directory.Length > 0 ? directory : null))
            .WithTrackingName(TrackingNames.RootNamespace);
        IncrementalValueProvider<int> languageVersion = context.ParseOptionsProvider
            .Select(static (options, _) => (int)((CSharpParseOptions)options).LanguageVersion)
            .WithTrackingName(TrackingNames.LanguageVersion);
        IncrementalValueProvider<ProjectOptions> project = msbuild
            .Combine(languageVersion)
            .Select(static (pair, _) => new ProjectOptions(pair.Left.RootNamespace, pair.Right, pair.Left.ProjectDirectory))
            .WithTrackingName(TrackingNames.ProjectOptions);

        // One item per spec file: its text and metadata. Per-file metadata is only reachable through the
        // options provider, so that pairing is reduced to a SpecSource (compared by content) at once.
        IncrementalValuesProvider<SpecSource> sources = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.HasSpecExtension(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecFiles.ReadSource(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .Where(static source => source is not null)
            .Select(static (source, _) => source!)
            .WithTrackingName(TrackingNames.SpecSources);

        // YAML → model + diagnostics; re-runs only when a spec's text or metadata changes.
        IncrementalValuesProvider<SpecResult> specs = sources
            .Select(static (source, cancellationToken) => SpecReader.Read(source, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<PreparedSpec> prepared = specs
            .Combine(project)
            .Select(static (pair, _) => Preparation.Prepare(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Prepare);

        context.RegisterSourceOutput(
            prepared.Select(static (spec, _) => spec.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (output, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

        // One output per schema: editing one schema re-emits only its file.
        IncrementalValuesProvider<SchemaUnit> schemas = prepared
            .SelectMany(static (spec, _) => spec.Schemas)
            .WithTrackingName(TrackingNames.Schemas);
        context.RegisterSourceOutput(schemas, static (output, unit) => Emit(
            output,
            unit.Options,
            $"{unit.Options.HintPrefix}.{unit.Schema.TypeName}.g.cs",
            () => unit.Schema.Kind switch
            {
                SchemaKind.Enum => EnumEmitter.Emit(unit.Schema, unit.AccessorName, unit.Options),
                SchemaKind.Union => UnionEmitter.Emit(unit.Schema, unit.AccessorName, unit.Options),
                _ => ObjectEmitter.Emit(unit.Schema, unit.AccessorName, unit.Options),
            }));

        // Paging methods return IAsyncEnumerable<T>: emitted only where the framework itself defines it. On
        // netstandard2.0 it comes from Microsoft.Bcl.AsyncInterfaces (System.Text.Json brings it along), but an app
        // on .NET that uses such a library does not get that assembly through our package, and would fail to load
        // the client. A bool, so a code edit re-runs nothing downstream.
        IncrementalValueProvider<bool> asyncStreams = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1") is { } type
                && type.ContainingAssembly.Name != "Microsoft.Bcl.AsyncInterfaces")
            .WithTrackingName(TrackingNames.AsyncStreams);

        IncrementalValuesProvider<(ClientUnit Unit, bool AsyncStreams)> clients = prepared
            .Where(static spec => spec.Client is not null)
            .Select(static (spec, _) => spec.Client!)
            .Combine(asyncStreams)
            .WithTrackingName(TrackingNames.Client);
        context.RegisterSourceOutput(clients, static (output, client) => Emit(
            output,
            client.Unit.Options,
            $"{client.Unit.Options.HintPrefix}.{client.Unit.Options.ClientName}.g.cs",
            () => ClientEmitter.Emit(client.Unit.Client, client.Unit.Options, client.AsyncStreams)));

        // Add<ClientName>(IServiceCollection, …) only where the companion library is referenced: a bool per compilation,
        // and the client's options (not its operations), so neither a code edit nor an operation edit re-emits it.
        IncrementalValueProvider<bool> companion = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(ServiceCollectionEmitter.CompanionMetadataName) is not null)
            .WithTrackingName(TrackingNames.Companion);
        IncrementalValuesProvider<EmitOptions> registrations = prepared
            .Where(static spec => spec.Client is not null)
            .Select(static (spec, _) => spec.Client!.Options)
            .Combine(companion)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.ServiceCollection);
        context.RegisterSourceOutput(registrations, static (output, options) => Emit(
            output,
            options,
            $"{options.HintPrefix}.{options.ClientName}.ServiceCollection.g.cs",
            () => ServiceCollectionEmitter.Emit(options)));

        IncrementalValuesProvider<ContextUnit> jsonContexts = prepared
            .Where(static spec => spec.Context is not null)
            .Select(static (spec, _) => spec.Context!)
            .WithTrackingName(TrackingNames.JsonContext);
        context.RegisterSourceOutput(jsonContexts, static (output, unit) => Emit(
            output,
            unit.Options,
            $"{unit.Options.HintPrefix}.{unit.Options.ContextName}.g.cs",
            () => JsonContextEmitter.Emit(unit.TypeNames, unit.Options)));

        // Only specs whose webhooks x-webhooks makes dispatchable get a file.
        IncrementalValuesProvider<WebhookUnit> webhooks = prepared
            .Where(static spec => spec.Webhooks is not null)
            .Select(static (spec, _) => spec.Webhooks!)
            .WithTrackingName(TrackingNames.Webhooks);
        context.RegisterSourceOutput(webhooks, static (output, unit) => Emit(
            output,
            unit.Options,
            $"{unit.Options.HintPrefix}.{unit.Webhooks.ParserTypeName}.g.cs",
            () => WebhookEmitter.Emit(unit.Webhooks, unit.Options)));
    }

    /// <summary>
    /// Adds one file. A failure becomes HCG0012 on the spec it came from, instead of taking every output of the
    /// compilation down (CS8785); the spec's other files still come out.
    /// </summary>
    private static void Emit(SourceProductionContext output, EmitOptions options, string hintName, Func<string> emit)
    {
        try
        {
            output.AddSource(hintName, emit());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Location location = LocationInfo.FileStart(options.SpecPath).ToLocation();
            output.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, location, ex.GetType().Name, $"{hintName}: {ex.Message}"));
        }
    }
}
