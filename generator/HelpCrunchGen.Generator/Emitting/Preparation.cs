using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;

namespace HelpCrunchGen.Generator.Emitting;

/// <param name="AccessorName">The schema's typed accessor on the JSON context.</param>
internal sealed record SchemaUnit(EmitOptions Options, SchemaSpec Schema, string AccessorName);

internal sealed record ClientUnit(EmitOptions Options, ClientSpec Client);

internal sealed record ContextUnit(EmitOptions Options, EquatableArray<string> TypeNames);

/// <summary>One spec split into independently cached emission units, plus every diagnostic to report.</summary>
internal sealed record PreparedSpec(
    EquatableArray<SchemaUnit> Schemas,
    ClientUnit? Client,
    ContextUnit? Context,
    EquatableArray<DiagnosticInfo> Diagnostics,
    WebhookUnit? Webhooks = null);

/// <summary>Applies project and file options to a read spec and splits it per output file.</summary>
internal static class Preparation
{
    private const int CSharp11 = 1100;

    /// <summary>Never throws (except on cancellation): a bug of ours is HCG0012 on the spec, not CS8785 for the project.</summary>
    public static PreparedSpec Prepare(SpecResult result, ProjectOptions project)
    {
        try
        {
            return PrepareCore(result, project);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostics = new List<DiagnosticInfo>(result.Diagnostics)
            {
                new(Descriptors.InternalError.Id, LocationInfo.FileStart(result.FilePath), new[] { ex.GetType().Name, ex.Message }.ToEquatableArray()),
            };
            return Empty(diagnostics);
        }
    }

    private static PreparedSpec PrepareCore(SpecResult result, ProjectOptions project)
    {
        var diagnostics = new List<DiagnosticInfo>(result.Diagnostics);
        LocationInfo fileStart = LocationInfo.FileStart(result.FilePath);
        void Report(string id, params string[] args) => diagnostics.Add(new DiagnosticInfo(id, fileStart, args.ToEquatableArray()));

        if (result.Spec is not { } spec)
        {
            return Empty(diagnostics);
        }

        string ns = result.FileOptions.Namespace ?? project.RootNamespace ?? string.Empty;
        if (ns.Length > 0 && !Identifiers.IsValidNamespace(ns))
        {
            Report(Descriptors.InvalidMetadata.Id, result.FileOptions.Namespace is null ? "RootNamespace" : SpecFiles.NamespaceMetadata, ns, "namespace");
            return Empty(diagnostics);
        }

        string clientName = spec.ClientName;
        if (!Identifiers.IsPlainIdentifier(clientName))
        {
            Report(Descriptors.InvalidMetadata.Id, SpecFiles.ClientNameMetadata, clientName, "type name");
            return Empty(diagnostics);
        }

        if (project.LanguageVersion < CSharp11)
        {
            Report(Descriptors.LanguageVersionTooLow.Id, FormatVersion(project.LanguageVersion));
            return Empty(diagnostics);
        }

        var options = new EmitOptions(ns, clientName, spec.ContextName, HintPrefix(result.FilePath, project.ProjectDirectory), result.FilePath);
        var accessors = new NameScope();
        foreach (string member in JsonContextEmitter.Members)
        {
            accessors.Reserve(member, "the JSON context");
        }

        // Each schema's accessor is named after it, unless the context itself declares that name.
        var schemas = spec.Schemas
            .Select(schema => new SchemaUnit(options, schema, accessors.Claim(accessors.IsTaken(schema.TypeName) ? schema.TypeName + "TypeInfo" : schema.TypeName, schema.TypeName)))
            .ToList();

        return new PreparedSpec(
            schemas.ToEquatableArray(),
            new ClientUnit(options, new ClientSpec(spec.Title, spec.Description, spec.DefaultServer, spec.Operations, spec.ErrorCodes)),
            new ContextUnit(options, schemas.Select(s => s.Schema.TypeName).ToEquatableArray()),
            diagnostics.ToEquatableArray(),
            spec.Webhooks is { } webhooks ? new WebhookUnit(options, webhooks) : null);
    }

    private static PreparedSpec Empty(List<DiagnosticInfo> diagnostics) =>
        new(EquatableArray<SchemaUnit>.Empty, null, null, diagnostics.ToEquatableArray());

    /// <summary>
    /// The spec's path relative to the project, as a hint-name prefix: <c>spec/helpcrunch.yaml</c> →
    /// <c>spec.helpcrunch</c>, so two specs with one file name in two folders are two sets of files. Without a project
    /// folder (or for a spec outside it) the file name alone, or the whole path, is used.
    /// </summary>
    private static string HintPrefix(string path, string? projectDirectory)
    {
        string relative = path;
        if (projectDirectory is not null)
        {
            string root = projectDirectory.TrimEnd('/', '\\') + "/";
            string normalized = path.Replace('\\', '/');
            relative = normalized.StartsWith(root.Replace('\\', '/'), StringComparison.Ordinal) ? normalized.Substring(root.Length) : normalized;
        }
        else
        {
            relative = Path.GetFileName(path);
        }

        int extension = relative.LastIndexOf('.');
        if (extension > relative.LastIndexOf('/'))
        {
            relative = relative.Substring(0, extension);
        }

        var chars = relative.TrimStart('/').Select(c => c is '/' or '\\' ? '.' : char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray();
        return chars.Length == 0 ? "spec" : new string(chars);
    }

    private static string FormatVersion(int version) =>
        version % 100 == 0 ? (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
