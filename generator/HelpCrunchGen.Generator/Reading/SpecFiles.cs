using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using HelpCrunchGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>Decides which AdditionalFiles are specs and reads their text and metadata.</summary>
internal static class SpecFiles
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    public const string NamespaceMetadata = "HelpCrunchGenNamespace";
    public const string ClientNameMetadata = "HelpCrunchGenClientName";
    public const string SpecMetadata = "HelpCrunchGenSpec";

    // A top-level-looking "openapi:" / "swagger:" key (YAML) or "openapi": (JSON). Cheap, and keeps
    // other YAML/JSON AdditionalFiles (appsettings, workflows …) out of the way silently.
    private static readonly Regex s_openApiKey = new(
        @"(^|\n)[ \t]*[""']?(openapi|swagger)[""']?[ \t]*:",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static bool HasSpecExtension(string path)
    {
        string extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The file as a spec source, or null when it is not an OpenAPI document (nor marked as one).</summary>
    public static SpecSource? ReadSource(AdditionalText file, AnalyzerConfigOptions metadata, CancellationToken cancellationToken)
    {
        string? marker = Get(metadata, SpecMetadata);
        if (string.Equals(marker, "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? text = file.GetText(cancellationToken)?.ToString();
        if (text is null)
        {
            return null;
        }

        bool optedIn = string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase);
        if (!optedIn && !s_openApiKey.IsMatch(text))
        {
            return null;
        }

        var options = new SpecFileOptions(Get(metadata, NamespaceMetadata), Get(metadata, ClientNameMetadata), optedIn);
        return new SpecSource(file.Path, text, options);
    }

    private static string? Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(MetadataPrefix + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
