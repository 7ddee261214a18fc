using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace HelpCrunchGen.Package.Tests;

/// <summary>Every class that uses the package shares one fixture, and its tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "HelpCrunchGen package";
}

/// <summary>
/// Packs HelpCrunchGen once per test run, with a unique version, into a temporary folder feed; then builds,
/// on first use and once each, the brand-new projects that consume it. Everything lives in one temporary
/// folder outside the repository (so no Directory.Build.props of ours applies); the repository's own
/// bin/ and obj/ are not touched (the pack builds into its own artifacts folder). On dispose the folder is
/// deleted and the unique version is evicted from the NuGet cache.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    /// <summary>The emulator's seeded agent 4188, whom every consumer assigns to the seeded chat 5214000.</summary>
    public const string AgentName = "Derek Swanson";

    /// <summary>Generous: a cold NuGet cache downloads the NativeAOT compiler (~50 MB) once.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);

    private readonly Lazy<Task<ProcessResult>> _consumerBuild;
    private readonly Lazy<Task<ProcessResult>> _nativePublish;
    private readonly Lazy<Task<ProcessResult>> _libraryBuild;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        BaseVersion = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props"))
            .Descendants("Version").Single().Value.Trim();
        // Unique per run: NuGet never reuses a cached copy of an earlier pack with the same version.
        Version = $"{BaseVersion}-t{DateTime.UtcNow.Ticks}";
        WorkRoot = Path.Combine(Path.GetTempPath(), "hcg-package-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(WorkRoot, "feed");
        ConsumerDirectory = Path.Combine(WorkRoot, "Consumer");
        LibraryDirectory = Path.Combine(WorkRoot, "Library");
        AppDirectory = Path.Combine(WorkRoot, "App");
        NativeDirectory = Path.Combine(WorkRoot, "native");
        _consumerBuild = new(CreateAndBuildConsumerAsync);
        _nativePublish = new(PublishNativeAsync);
        _libraryBuild = new(CreateAndBuildLibraryAsync);
    }

    public string RepositoryRoot { get; }

    /// <summary>The version in Directory.Build.props, e.g. 0.1.0.</summary>
    public string BaseVersion { get; }

    /// <summary>This run's package version, e.g. 0.1.0-t639000000000000000.</summary>
    public string Version { get; }

    public string WorkRoot { get; }

    public string Feed { get; }

    public string ConsumerDirectory { get; }

    public string LibraryDirectory { get; }

    public string AppDirectory { get; }

    public string NativeDirectory { get; }

    public string PackagePath => Path.Combine(Feed, $"HelpCrunchGen.{Version}.nupkg");

    public string SymbolsPackagePath => Path.Combine(Feed, $"HelpCrunchGen.{Version}.snupkg");

    /// <summary>The machine's global packages folder (NUGET_PACKAGES or ~/.nuget/packages), as NuGet reports it.</summary>
    public string GlobalPackagesFolder { get; private set; } = "";

    /// <summary>Where restore extracts this run's package.</summary>
    public string CachedPackageDirectory => Path.Combine(GlobalPackagesFolder, "helpcrunchgen", Version.ToLowerInvariant());

    public ProcessResult Pack { get; private set; } = null!;

    /// <summary>The runtime identifier of this machine, e.g. linux-x64: what the native binary is published for.</summary>
    public static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;

    public string NativeBinaryPath => Path.Combine(NativeDirectory, OperatingSystem.IsWindows() ? "Consumer.exe" : "Consumer");

    /// <summary>
    /// <c>dotnet new console</c> + <c>dotnet add package HelpCrunchGen</c> + spec/helpcrunch.yaml, targeting
    /// net8.0 and net10.0, built with warnings as errors.
    /// </summary>
    public Task<ProcessResult> ConsumerBuildAsync() => _consumerBuild.Value;

    /// <summary>The same consumer published for this machine with PublishAot (set in its csproj).</summary>
    public Task<ProcessResult> NativePublishAsync() => _nativePublish.Value;

    /// <summary>A netstandard2.0 library (C# 11 + polyfills) using the package, and a net10.0 app calling it.</summary>
    public Task<ProcessResult> LibraryBuildAsync() => _libraryBuild.Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);

        ProcessResult locals = await DotnetCli.RunAsync(WorkRoot, ["nuget", "locals", "global-packages", "--list"], StepTimeout);
        // "global-packages: /root/.nuget/packages/"
        string? line = locals.Output.Split('\n').FirstOrDefault(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        GlobalPackagesFolder = line is null
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")
            : line["global-packages:".Length..].Trim();

        // The shared nuget.config of every consumer: the folder feed on top of the machine's own sources
        // (no <clear/>: the SDK's packs, e.g. the NativeAOT compiler, still restore from them).
        await File.WriteAllTextAsync(Path.Combine(WorkRoot, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="helpcrunchgen-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        Pack = await DotnetCli.RunAsync(RepositoryRoot,
        [
            "pack", Path.Combine("runtime", "HelpCrunchGen.Runtime", "HelpCrunchGen.Runtime.csproj"),
            "--configuration", "Release",
            "--output", Feed,
            "--artifacts-path", Path.Combine(WorkRoot, "artifacts"),
            "-p:Version=" + Version,
            "--disable-build-servers", "-tl:off",
        ], StepTimeout);

        // The companion package, same version: it depends on this run's HelpCrunchGen.
        if (Pack.Succeeded)
        {
            Pack = await DotnetCli.RunAsync(RepositoryRoot,
            [
                "pack", Path.Combine("runtime", "HelpCrunchGen.Extensions", "HelpCrunchGen.Extensions.csproj"),
                "--configuration", "Release",
                "--output", Feed,
                "--artifacts-path", Path.Combine(WorkRoot, "artifacts"),
                "-p:Version=" + Version,
                "--disable-build-servers", "-tl:off",
            ], StepTimeout);
        }
    }

    public Task DisposeAsync()
    {
        TryDelete(WorkRoot);
        if (GlobalPackagesFolder.Length > 0)
        {
            TryDelete(CachedPackageDirectory);
            TryDelete(Path.Combine(GlobalPackagesFolder, "helpcrunchgen.extensions", Version.ToLowerInvariant()));
            string packageFolder = Path.GetDirectoryName(CachedPackageDirectory)!;
            if (Directory.Exists(packageFolder) && !Directory.EnumerateFileSystemEntries(packageFolder).Any())
            {
                TryDelete(packageFolder);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The pack must have worked for anything built from it to mean something.</summary>
    public void EnsurePacked() =>
        Assert.True(Pack.Succeeded && File.Exists(PackagePath), "dotnet pack failed:\n" + Pack.Describe());

    public static async Task<ProcessResult> SucceededAsync(Task<ProcessResult> step)
    {
        ProcessResult result = await step;
        Assert.True(result.Succeeded, result.Describe());
        return result;
    }

    private async Task<ProcessResult> CreateAndBuildConsumerAsync()
    {
        EnsurePacked();

        // Exactly what a user types.
        await SucceededAsync(DotnetCli.RunAsync(WorkRoot, ["new", "console", "--name", "Consumer", "--output", ConsumerDirectory, "--no-restore"], StepTimeout));
        await SucceededAsync(DotnetCli.RunAsync(ConsumerDirectory, ["add", "package", "HelpCrunchGen", "--version", Version], StepTimeout));

        // Then: both supported app frameworks, warnings as errors, and NativeAOT for the net10.0 publish
        // (in the project, not on the command line, where it would also reach netstandard2.0 projects).
        string projectPath = Path.Combine(ConsumerDirectory, "Consumer.csproj");
        XDocument project = XDocument.Load(projectPath);
        XElement properties = project.Root!.Element("PropertyGroup")!;
        properties.Element("TargetFramework")!.ReplaceWith(new XElement("TargetFrameworks", "net8.0;net10.0"));
        properties.Add(new XElement("TreatWarningsAsErrors", "true"));
        properties.AddAfterSelf(new XElement("PropertyGroup",
            new XAttribute("Condition", "'$(TargetFramework)' == 'net10.0'"),
            new XElement("PublishAot", "true")));
        project.Save(projectPath);

        Directory.CreateDirectory(Path.Combine(ConsumerDirectory, "spec"));
        File.Copy(Path.Combine(RepositoryRoot, "spec", "helpcrunch.yaml"), Path.Combine(ConsumerDirectory, "spec", "helpcrunch.yaml"));
        await File.WriteAllTextAsync(Path.Combine(ConsumerDirectory, "Program.cs"), ConsumerProgram);

        return await DotnetCli.RunAsync(ConsumerDirectory, ["build", "--configuration", "Release", "-warnaserror", "--disable-build-servers", "-tl:off"], StepTimeout);
    }

    private async Task<ProcessResult> PublishNativeAsync()
    {
        await SucceededAsync(ConsumerBuildAsync());
        // Warnings are left as warnings here so that the log shows (and the test counts) every one of them.
        return await DotnetCli.RunAsync(ConsumerDirectory,
        [
            "publish", "--configuration", "Release", "--framework", "net10.0", "--runtime", RuntimeIdentifier,
            "--output", NativeDirectory, "-p:TreatWarningsAsErrors=false", "--disable-build-servers", "-tl:off",
        ], StepTimeout);
    }

    private async Task<ProcessResult> CreateAndBuildLibraryAsync()
    {
        EnsurePacked();

        Directory.CreateDirectory(Path.Combine(LibraryDirectory, "spec"));
        File.Copy(Path.Combine(RepositoryRoot, "spec", "helpcrunch.yaml"), Path.Combine(LibraryDirectory, "spec", "helpcrunch.yaml"));
        // LangVersion 11: the minimum the generated code needs (HCG0011 below it).
        await File.WriteAllTextAsync(Path.Combine(LibraryDirectory, "Library.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>11</LangVersion>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HelpCrunchGen" Version="{Version}" />
                <!-- Listed by hand (another spelling of the conventional path) to set a namespace: must not be added twice. -->
                <AdditionalFiles Include="./spec/helpcrunch.yaml" HelpCrunchGenNamespace="Library.HelpCrunch" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(LibraryDirectory, "Polyfills.cs"), Polyfills);
        await File.WriteAllTextAsync(Path.Combine(LibraryDirectory, "ChatAssigner.cs"), LibraryCode);

        Directory.CreateDirectory(AppDirectory);
        await File.WriteAllTextAsync(Path.Combine(AppDirectory, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Library/Library.csproj" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(AppDirectory, "Program.cs"), AppProgram);

        return await DotnetCli.RunAsync(AppDirectory, ["build", "--configuration", "Release", "-warnaserror", "--disable-build-servers", "-tl:off"], StepTimeout);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HelpCrunchGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("HelpCrunchGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The consumer's whole program: reassign a chat, then round-trip it through the generated JSON code.</summary>
    private const string ConsumerProgram = """
        using System.Text.Json;
        using Consumer;
        using HelpCrunchGen.Runtime;

        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Consumer <base-address> <api-key>");
            return 2;
        }

        var options = new ApiClientOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1] };
        using var http = new HttpClient();
        IHelpCrunchClient client = new HelpCrunchClient(http, options);
        Chat chat = await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });
        Console.WriteLine($"Chat {chat.Id} is now assigned to {chat.Assignee?.Name}.");

        // The generated JSON code, no reflection: what NativeAOT must keep working.
        string json = JsonSerializer.Serialize(chat, HelpCrunchJsonContext.Default.Chat);
        Chat again = JsonSerializer.Deserialize(json, HelpCrunchJsonContext.Default.Chat)!;
        Console.WriteLine(JsonSerializer.Serialize(again, HelpCrunchJsonContext.Default.Chat) == json ? "JSON round trip: identical" : "JSON round trip: DIFFERENT");
        return 0;
        """;

    /// <summary>What netstandard2.0 lacks for init accessors and required members (the README lists the same four).</summary>
    private const string Polyfills = """
        namespace System.Runtime.CompilerServices
        {
            internal static class IsExternalInit
            {
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
            internal sealed class RequiredMemberAttribute : Attribute
            {
            }

            [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
            internal sealed class CompilerFeatureRequiredAttribute : Attribute
            {
                public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;

                public string FeatureName { get; }

                public bool IsOptional { get; init; }
            }
        }

        namespace System.Diagnostics.CodeAnalysis
        {
            [AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
            internal sealed class SetsRequiredMembersAttribute : Attribute
            {
            }
        }
        """;

    private const string LibraryCode = """
        using System;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using HelpCrunchGen.Runtime;
        using Library.HelpCrunch;

        namespace Library
        {
            /// <summary>A netstandard2.0 library's own API over the generated client.</summary>
            public static class ChatAssigner
            {
                public static async Task<string> AssignAsync(Uri baseAddress, string apiKey, long chatId, long agentId)
                {
                    using var http = new HttpClient();
                    var client = new HelpCrunchClient(http, new ApiClientOptions { BaseAddress = baseAddress, ApiKey = apiKey });
                    Chat chat = await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chatId, Assignee = agentId }).ConfigureAwait(false);
                    string json = JsonSerializer.Serialize(chat, HelpCrunchJsonContext.Default.Chat);
                    return $"Chat {chat.Id} is now assigned to {chat.Assignee?.Name} ({json.Length} bytes of JSON).";
                }
            }
        }
        """;

    private const string AppProgram = """
        using System;

        Console.WriteLine(await Library.ChatAssigner.AssignAsync(new Uri(args[0]), args[1], 5214000, 4188));
        """;
}
