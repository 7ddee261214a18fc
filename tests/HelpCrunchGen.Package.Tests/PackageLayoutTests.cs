using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace HelpCrunchGen.Package.Tests;

/// <summary>What `dotnet pack` puts in the one HelpCrunchGen package, read from the .nupkg itself.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] RuntimeTargets = ["netstandard2.0", "net8.0", "net10.0"];

    [Fact]
    public void Pack_succeeds_without_warnings_and_the_generator_loads()
    {
        fixture.EnsurePacked();
        Assert.True(fixture.Pack.WarningLines().Count == 0, fixture.Pack.Describe());
        Assert.True(fixture.Pack.GeneratorLoadFailures().Count == 0, fixture.Pack.Describe());
    }

    [Fact]
    public async Task Only_the_runtime_and_its_companion_are_packable_so_dotnet_pack_makes_two_packages()
    {
        ProcessResult list = await PackageFixture.SucceededAsync(DotnetCli.RunAsync(fixture.RepositoryRoot, ["sln", "HelpCrunchGen.sln", "list"], TimeSpan.FromMinutes(1)));
        string[] projects = list.Output.Split('\n').Select(line => line.Trim()).Where(line => line.EndsWith(".csproj", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(projects);

        var packable = new List<string>();
        foreach (string project in projects)
        {
            ProcessResult evaluation = await PackageFixture.SucceededAsync(DotnetCli.RunAsync(fixture.RepositoryRoot,
                ["msbuild", project, "-getProperty:IsPackable"], TimeSpan.FromMinutes(1)));
            if (evaluation.Output.Trim() == "true")
            {
                packable.Add(project.Replace('\\', '/'));
            }
        }

        Assert.Equal(["runtime/HelpCrunchGen.Extensions/HelpCrunchGen.Extensions.csproj", "runtime/HelpCrunchGen.Runtime/HelpCrunchGen.Runtime.csproj"], packable.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Package_holds_the_runtime_per_target_the_generator_with_YamlDotNet_and_the_msbuild_files_only()
    {
        fixture.EnsurePacked();
        string[] expected =
        [
            "HelpCrunchGen.nuspec",
            "README.md",
            "analyzers/dotnet/cs/HelpCrunchGen.Generator.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "buildTransitive/HelpCrunchGen.props",
            "buildTransitive/HelpCrunchGen.targets",
            .. RuntimeTargets.SelectMany(tfm => new[] { $"lib/{tfm}/HelpCrunchGen.Runtime.dll", $"lib/{tfm}/HelpCrunchGen.Runtime.xml" }),
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), PackageFiles(fixture.PackagePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nuspec_has_the_version_description_license_readme_repository_and_tags()
    {
        fixture.EnsurePacked();
        XElement metadata = Nuspec().Element(Name("metadata"))!;

        Assert.Equal("HelpCrunchGen", metadata.Element(Name("id"))?.Value);
        Assert.Equal(fixture.Version, metadata.Element(Name("version"))?.Value);
        Assert.StartsWith(fixture.BaseVersion + "-", fixture.Version);
        Assert.Contains("HelpCrunch", metadata.Element(Name("description"))?.Value ?? "");
        XElement license = metadata.Element(Name("license"))!;
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
        Assert.Equal("README.md", metadata.Element(Name("readme"))?.Value);
        XElement repository = metadata.Element(Name("repository"))!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);
        string[] tags = (metadata.Element(Name("tags"))?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("helpcrunch", tags);
        Assert.Contains("source-generator", tags);
        Assert.Null(metadata.Element(Name("developmentDependency"))); // the runtime must flow to the app
    }

    [Fact]
    public void Only_netstandard20_depends_on_packages_System_Text_Json_and_DiagnosticSource_for_tracing()
    {
        fixture.EnsurePacked();
        var groups = Nuspec().Descendants(Name("group"))
            .ToDictionary(
                group => group.Attribute("targetFramework")!.Value,
                group => group.Elements(Name("dependency")).Select(d => d.Attribute("id")!.Value).ToArray());

        Assert.Equal(["System.Diagnostics.DiagnosticSource", "System.Text.Json"], groups[".NETStandard2.0"].Order(StringComparer.Ordinal));
        Assert.Empty(groups["net8.0"]);
        Assert.Empty(groups["net10.0"]);
        Assert.Equal(3, groups.Count);
    }

    [Fact]
    public void Symbols_package_has_a_pdb_per_runtime_target()
    {
        fixture.EnsurePacked();
        Assert.True(File.Exists(fixture.SymbolsPackagePath), fixture.SymbolsPackagePath);
        var files = PackageFiles(fixture.SymbolsPackagePath).ToHashSet();
        foreach (string tfm in RuntimeTargets)
        {
            Assert.Contains($"lib/{tfm}/HelpCrunchGen.Runtime.pdb", files);
        }
    }

    [Fact]
    public void Packed_generator_references_only_netstandard_Roslyn_4_14_and_YamlDotNet()
    {
        fixture.EnsurePacked();
        var generator = AssemblyInspector.Read(ReadEntry("analyzers/dotnet/cs/HelpCrunchGen.Generator.dll"));
        Assert.Equal(".NETStandard,Version=v2.0", generator.TargetFramework);

        // The README's minimum SDK / Visual Studio follows from this version.
        Version roslyn = generator.References.Single(r => r.Name == "Microsoft.CodeAnalysis").Version!;
        Assert.Equal(new Version(4, 14, 0, 0), roslyn);

        string[] unexpected = generator.References
            .Where(reference => !(reference.Name is "netstandard" or "YamlDotNet" or "Microsoft.CodeAnalysis"
                || reference.Name!.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal)))
            .Select(reference => reference.FullName)
            .ToArray();
        output.WriteLine("generator references: " + string.Join(", ", generator.References.Select(r => r.FullName)));
        Assert.True(unexpected.Length == 0, "The generator references assemblies that the compiler host may not have: " + string.Join(", ", unexpected));
        Assert.Contains(generator.References, r => r.Name == "YamlDotNet");
    }

    [Fact]
    public void Packed_YamlDotNet_is_the_netstandard20_build_and_references_only_netstandard()
    {
        fixture.EnsurePacked();
        var yaml = AssemblyInspector.Read(ReadEntry("analyzers/dotnet/cs/YamlDotNet.dll"));

        Assert.Equal(".NETStandard,Version=v2.0", yaml.TargetFramework);
        Assert.Equal(["netstandard"], yaml.References.Select(reference => reference.Name));
    }

    [Fact]
    public void Runtime_is_marked_trimmable_for_net8_and_net10_only()
    {
        fixture.EnsurePacked();
        Assert.Null(AssemblyInspector.Read(ReadEntry("lib/netstandard2.0/HelpCrunchGen.Runtime.dll")).Metadata("IsTrimmable"));
        Assert.Equal("True", AssemblyInspector.Read(ReadEntry("lib/net8.0/HelpCrunchGen.Runtime.dll")).Metadata("IsTrimmable"));
        Assert.Equal("True", AssemblyInspector.Read(ReadEntry("lib/net10.0/HelpCrunchGen.Runtime.dll")).Metadata("IsTrimmable"));
    }

    [Theory]
    [InlineData("net8.0", true)]
    [InlineData("net10.0", true)]
    [InlineData("netstandard2.0", false)] // netstandard2.0 has no trimming annotations to analyze
    public async Task Runtime_builds_with_the_trim_and_AOT_analyzers_on_for_modern_targets(string tfm, bool expected)
    {
        ProcessResult evaluation = await PackageFixture.SucceededAsync(DotnetCli.RunAsync(fixture.RepositoryRoot,
        [
            "msbuild", Path.Combine("runtime", "HelpCrunchGen.Runtime", "HelpCrunchGen.Runtime.csproj"), "-p:TargetFramework=" + tfm,
            "-getProperty:IsAotCompatible", "-getProperty:IsTrimmable", "-getProperty:EnableTrimAnalyzer", "-getProperty:EnableAotAnalyzer",
        ], TimeSpan.FromMinutes(2)));

        JsonElement properties = JsonDocument.Parse(evaluation.Output[evaluation.Output.IndexOf('{')..]).RootElement.GetProperty("Properties");
        foreach (string name in new[] { "IsAotCompatible", "IsTrimmable", "EnableTrimAnalyzer", "EnableAotAnalyzer" })
        {
            string? value = properties.GetProperty(name).GetString();
            Assert.True(expected == (value == "true"), $"{tfm}: {name} = '{value}'");
        }
    }

    [Fact]
    public void Packed_props_is_the_generator_props_that_ProjectReference_consumers_import()
    {
        fixture.EnsurePacked();
        byte[] packed = ReadEntry("buildTransitive/HelpCrunchGen.props");
        byte[] source = File.ReadAllBytes(Path.Combine(fixture.RepositoryRoot, "generator", "HelpCrunchGen.Generator", "build", "HelpCrunchGen.props"));
        Assert.Equal(source, packed);

        string[] metadata = XDocument.Load(new MemoryStream(packed)).Descendants("CompilerVisibleItemMetadata")
            .Where(item => item.Attribute("Include")?.Value == "AdditionalFiles")
            .Select(item => item.Attribute("MetadataName")!.Value)
            .ToArray();
        Assert.Equal(["HelpCrunchGenClientName", "HelpCrunchGenNamespace", "HelpCrunchGenSpec"], metadata.Order(StringComparer.Ordinal));
    }

    /// <summary>The package's own files, without the OPC bookkeeping every .nupkg has.</summary>
    private static IEnumerable<string> PackageFiles(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        return zip.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .ToArray();
    }

    private byte[] ReadEntry(string name)
    {
        using ZipArchive zip = ZipFile.OpenRead(fixture.PackagePath);
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new InvalidOperationException(name + " is not in the package.");
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private XElement Nuspec() => XDocument.Load(new MemoryStream(ReadEntry("HelpCrunchGen.nuspec"))).Root!;

    private static XName Name(string localName) => XName.Get(localName, "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd");
}
