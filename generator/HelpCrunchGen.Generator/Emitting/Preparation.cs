using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;

namespace HelpCrunchGen.Generator.Emitting;

internal sealed record SchemaUnit(EmitOptions Options, SchemaSpec Schema);

internal sealed record ClientUnit(EmitOptions Options, ClientSpec Client);

internal sealed record ContextUnit(EmitOptions Options, EquatableArray<string> TypeNames);

/// <summary>One spec split into independently cached emission units, plus every diagnostic to report.</summary>
internal sealed record PreparedSpec(
    EquatableArray<SchemaUnit> Schemas,
    ClientUnit? Client,
    ContextUnit? Context,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Applies project and file options to a read spec and splits it per output file.</summary>
internal static class Preparation
{
    private const int CSharp11 = 1100;

    // Members of the generated JSON context that a schema's typed accessor must not shadow.
    private static readonly string[] s_contextMembers = ["Default", "Options", "GetTypeInfo", "CreateTypeInfo"];

    public static PreparedSpec Prepare(SpecResult result, ProjectOptions project)
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

        string clientName = result.FileOptions.ClientName ?? Identifiers.ToPascalCase(spec.Title) + "Client";
        if (!Identifiers.IsValidIdentifier(clientName) || Identifiers.EscapeKeyword(clientName) != clientName)
        {
            Report(Descriptors.InvalidMetadata.Id, SpecFiles.ClientNameMetadata, clientName, "type name");
            return Empty(diagnostics);
        }

        if (project.LanguageVersion < CSharp11)
        {
            Report(Descriptors.LanguageVersionTooLow.Id, FormatVersion(project.LanguageVersion));
            return Empty(diagnostics);
        }

        string baseName = clientName.EndsWith("Client", StringComparison.Ordinal) && clientName.Length > "Client".Length
            ? clientName.Substring(0, clientName.Length - "Client".Length)
            : clientName;
        var options = new EmitOptions(ns, clientName, baseName + "JsonContext", HintPrefix(result.FilePath));

        // Names the client files take; a schema with one of them would not compile, so it is reported and skipped.
        var reserved = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [clientName] = "the client class",
            ["I" + clientName] = "the client interface",
            [options.ContextName] = "the JSON context",
        };
        foreach (string member in s_contextMembers)
        {
            reserved[member] = $"the JSON context member {options.ContextName}.{member}";
        }

        foreach (OperationSpec operation in spec.Operations.Where(o => o.Responses.Any(r => !r.ErrorCodes.IsEmpty)))
        {
            reserved[operation.MethodName + "Errors"] = $"the error codes of operation '{operation.OperationId}'";
        }

        var schemas = new List<SchemaUnit>();
        foreach (SchemaSpec schema in spec.Schemas)
        {
            if (reserved.TryGetValue(schema.TypeName, out string? owner))
            {
                Report(Descriptors.IdentifierCollision.Id, $"schema '{schema.TypeName}'", schema.TypeName, owner);
                continue;
            }

            schemas.Add(new SchemaUnit(options, schema));
        }

        return new PreparedSpec(
            schemas.ToEquatableArray(),
            new ClientUnit(options, new ClientSpec(spec.Title, spec.Description, spec.DefaultServer, spec.Operations)),
            new ContextUnit(options, schemas.Select(s => s.Schema.TypeName).ToEquatableArray()),
            diagnostics.ToEquatableArray());
    }

    private static PreparedSpec Empty(List<DiagnosticInfo> diagnostics) =>
        new(EquatableArray<SchemaUnit>.Empty, null, null, diagnostics.ToEquatableArray());

    /// <summary>The spec's file name as a hint-name prefix: <c>helpcrunch.yaml</c> → <c>helpcrunch</c>.</summary>
    private static string HintPrefix(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray();
        return chars.Length == 0 ? "spec" : new string(chars);
    }

    private static string FormatVersion(int version) =>
        version % 100 == 0 ? (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
