using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// The compiler, and Visual Studio on .NET Framework, load the generator with nothing around it but the
/// compiler's own assemblies and what ships beside it in analyzers/dotnet/cs (YamlDotNet). Any other
/// reference fails to load in some host (CS8032/CS8784), so the reference set is pinned here, read from
/// metadata without loading anything. The package tests check the packed copies the same way.
/// </summary>
public sealed class GeneratorReferenceTests
{
    /// <summary>The Roslyn version the generator is compiled against; README "Install" derives the minimum SDK and Visual Studio from it.</summary>
    private static readonly Version PinnedRoslyn = new(4, 14, 0, 0);

    [Fact]
    public void Generator_references_only_netstandard_Roslyn_and_YamlDotNet()
    {
        IReadOnlyList<AssemblyName> references = ReadReferences(BesideTests("HelpCrunchGen.Generator.dll"));

        var unexpected = references.Where(reference => !IsAllowed(reference)).Select(reference => reference.FullName).ToArray();

        Assert.True(unexpected.Length == 0,
            "The generator references assemblies the compiler host may not have: " + string.Join(", ", unexpected)
            + "\nAllowed: netstandard, Microsoft.CodeAnalysis*, YamlDotNet.");
        Assert.Contains(references, r => r.Name == "netstandard");
        Assert.Contains(references, r => r.Name == "YamlDotNet");
    }

    [Fact]
    public void Generator_is_compiled_against_the_pinned_Roslyn()
    {
        IReadOnlyList<AssemblyName> references = ReadReferences(BesideTests("HelpCrunchGen.Generator.dll"));

        Assert.Equal(PinnedRoslyn, references.Single(r => r.Name == "Microsoft.CodeAnalysis").Version);
        Assert.All(references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal)), r => Assert.True(r.Version <= PinnedRoslyn, r.FullName));
    }

    [Fact]
    public void YamlDotNet_beside_the_generator_is_the_netstandard_build_and_references_only_netstandard()
    {
        // The generator project hands the compiler lib/netstandard2.0/YamlDotNet.dll (GetTargetPath); the
        // same file is copied here. A build for a newer framework would reference System.Runtime & co.
        IReadOnlyList<AssemblyName> references = ReadReferences(BesideTests("YamlDotNet.dll"));

        Assert.Equal(["netstandard"], references.Select(r => r.Name));
    }

    /// <summary>netstandard, Roslyn and YamlDotNet: nothing else is sure to be beside the generator in every host.</summary>
    private static bool IsAllowed(AssemblyName reference) =>
        reference.Name is "netstandard" or "YamlDotNet" or "Microsoft.CodeAnalysis"
        || reference.Name!.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal);

    private static string BesideTests(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, file);
        Assert.True(File.Exists(path), path + " is missing: the test project references the generator, which should put it here.");
        return path;
    }

    private static IReadOnlyList<AssemblyName> ReadReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName()).ToArray();
    }
}
