using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HelpCrunchGen.Generator.Model;

/// <summary>A position in a spec file, kept as plain values until a diagnostic is reported.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>The start of the file: for problems that belong to the file as a whole.</summary>
    public static LocationInfo FileStart(string filePath) => new(filePath, default, default);
}

/// <summary>A diagnostic to report, held by descriptor id so the model stays free of Roslyn objects.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo Location, EquatableArray<string> MessageArgs)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Diagnostics.Descriptors.ById(DescriptorId), Location.ToLocation(), [.. MessageArgs]);
}

/// <summary>What reading one spec file produced: a model (null if unreadable) and its diagnostics.</summary>
internal sealed record SpecResult(string FilePath, SpecFileOptions FileOptions, ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
