namespace HelpCrunchGen.Generator.Model;

/// <summary>Per-file metadata (<c>HelpCrunchGenNamespace</c>, <c>HelpCrunchGenClientName</c>); null when not set.</summary>
internal sealed record SpecFileOptions(string? Namespace, string? ClientName, bool IsOptedIn);

/// <summary>Project-wide settings the emitted code depends on.</summary>
/// <param name="ProjectDirectory">The project folder (MSBuild's <c>ProjectDir</c>), when the build tells it.</param>
internal sealed record ProjectOptions(string? RootNamespace, int LanguageVersion, string? ProjectDirectory = null);

/// <summary>A spec file's text with its metadata: the input of parsing, compared by content.</summary>
internal sealed record SpecSource(string FilePath, string Text, SpecFileOptions Options);
