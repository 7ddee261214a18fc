using System;
using System.IO;
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
        if (!optedIn && !HasOpenApiKey(text))
        {
            return null;
        }

        var options = new SpecFileOptions(Get(metadata, NamespaceMetadata), Get(metadata, ClientNameMetadata), optedIn);
        return new SpecSource(file.Path, text, options);
    }

    /// <summary>
    /// A line that starts (after spaces or tabs) with an "openapi:" / "swagger:" key, quoted or not: YAML, or JSON's
    /// <c>"openapi":</c>. Cheap, and keeps other YAML/JSON AdditionalFiles (appsettings, workflows …) out of the way
    /// silently. A plain scan: a compiled Regex cost a Reflection.Emit and its JIT on every fresh compiler process.
    /// </summary>
    internal static bool HasOpenApiKey(string text)
    {
        for (int line = 0; line < text.Length; line++)
        {
            int i = line;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < text.Length && text[i] is '"' or '\'')
            {
                i++;
            }

            if (string.CompareOrdinal(text, i, "openapi", 0, 7) == 0 || string.CompareOrdinal(text, i, "swagger", 0, 7) == 0)
            {
                i += 7;
                if (i < text.Length && text[i] is '"' or '\'')
                {
                    i++;
                }

                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < text.Length && text[i] == ':')
                {
                    return true;
                }
            }

            line = text.IndexOf('\n', line);
            if (line < 0)
            {
                return false;
            }
        }

        return false;
    }

    private static string? Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(MetadataPrefix + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
