using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are tracked in AnalyzerReleases.*.md.</summary>
internal static class Descriptors
{
    private const string Category = "HelpCrunchGen";

    /// <summary>The repository, as the runtime package's <c>RepositoryUrl</c> names it.</summary>
    private const string RepositoryUrl = "https://github.com/helpcrunchgen/HelpCrunchGen";

    /// <summary>Each id has its own section here, anchored by the id in lower case (<c>#hcg0005</c>).</summary>
    private const string HelpPage = RepositoryUrl + "/blob/main/docs/diagnostics.md";

    public static readonly DiagnosticDescriptor YamlSyntaxError = Create(
        "HCG0001", "Spec is not valid YAML", "The spec is not valid YAML: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotOpenApi = Create(
        "HCG0002", "Not an OpenAPI 3.x document", "The file is not an OpenAPI 3.x document: {0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingOperationId = Create(
        "HCG0003", "Operation has no operationId", "Operation {0} {1} has no operationId; its method is named {2} (add an operationId to choose the name)", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        "HCG0004", "Duplicate operationId", "operationId '{0}' is already used by another operation; this one is skipped", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "HCG0005", "Unresolved $ref", "Cannot resolve $ref '{0}'; the value is typed as JsonElement", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownTypeOrFormat = Create(
        "HCG0006", "Unknown type or format", "Unknown {0}; the value is read as {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "HCG0007", "Unsupported schema construct", "{0} is not supported; the value is typed as JsonElement", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IdentifierCollision = Create(
        "HCG0008", "Names renamed to stay apart", "{0} maps to the C# name '{1}', which {2} already uses; it is named '{3}'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidMetadata = Create(
        "HCG0009", "Invalid metadata", "Metadata {0} = '{1}' is not a valid C# {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MalformedElement = Create(
        "HCG0010", "Malformed spec element", "{0} must be {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "HCG0011", "C# language version too low", "The generated client needs C# 11 or later (the project uses C# {0}); set <LangVersion>11</LangVersion> or newer", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "HCG0012", "Generator failure", "HelpCrunchGen failed on this spec ({0}: {1}); please report it with the spec", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SkippedElement = Create(
        "HCG0013", "Unsupported element skipped", "{0} is not supported; {1} is skipped", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ConflictingSuccessResponses = Create(
        "HCG0014", "Success responses disagree", "Success response {0} of operation '{1}' has another body than response {2}; the method returns the body of {2}", DiagnosticSeverity.Warning);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new DiagnosticDescriptor[]
    {
        YamlSyntaxError, NotOpenApi, MissingOperationId, DuplicateOperationId, UnresolvedReference, UnknownTypeOrFormat,
        UnsupportedSchema, IdentifierCollision, InvalidMetadata, MalformedElement, LanguageVersionTooLow, InternalError,
        SkippedElement, ConflictingSuccessResponses,
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpPage + "#" + id.ToLowerInvariant());
}
