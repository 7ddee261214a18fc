using System.Text.Json;
using System.Xml.Linq;
using HelpCrunch.Emulator;

namespace HelpCrunchGen.Package.Tests;

/// <summary>
/// A brand-new console app (`dotnet new console`, `dotnet add package HelpCrunchGen`, spec/helpcrunch.yaml
/// dropped in) targeting net8.0 and net10.0: builds with warnings as errors and reassigns a chat.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class FreshConsumerTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Builds_for_net8_and_net10_with_warnings_as_errors_and_no_generator_load_warning()
    {
        ProcessResult build = await PackageFixture.SucceededAsync(fixture.ConsumerBuildAsync());
        output.WriteLine($"consumer build: {build.Duration.TotalSeconds:0.0} s");

        Assert.True(build.WarningLines().Count == 0, build.Describe());
        Assert.True(build.GeneratorLoadFailures().Count == 0, build.Describe());
        Assert.Contains("0 Warning(s)", build.Output);
        foreach (string tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.True(File.Exists(Path.Combine(fixture.ConsumerDirectory, "bin", "Release", tfm, "Consumer.dll")), tfm);
            Assert.True(File.Exists(Path.Combine(fixture.ConsumerDirectory, "bin", "Release", tfm, "HelpCrunchGen.Runtime.dll")), tfm);
        }
    }

    [Fact]
    public async Task References_only_HelpCrunchGen_restored_from_the_local_feed_at_this_runs_version()
    {
        await PackageFixture.SucceededAsync(fixture.ConsumerBuildAsync());

        XDocument project = XDocument.Load(Path.Combine(fixture.ConsumerDirectory, "Consumer.csproj"));
        var references = project.Descendants()
            .Where(element => element.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "Analyzer" or "Import")
            .Select(element => (element.Name.LocalName, element.Attribute("Include")?.Value, element.Attribute("Version")?.Value))
            .ToArray();
        Assert.Equal([("PackageReference", "HelpCrunchGen", fixture.Version)], references);

        // NuGet records where it got a package: it must be the folder feed, never an older cached copy.
        string metadataPath = Path.Combine(fixture.CachedPackageDirectory, ".nupkg.metadata");
        using JsonDocument metadata = JsonDocument.Parse(await File.ReadAllTextAsync(metadataPath));
        Assert.Equal(Path.GetFullPath(fixture.Feed).TrimEnd('/'), metadata.RootElement.GetProperty("source").GetString()!.TrimEnd('/'));
    }

    [Fact]
    public async Task Spec_files_in_the_spec_folder_are_picked_up_by_convention_unless_turned_off()
    {
        await PackageFixture.SucceededAsync(fixture.ConsumerBuildAsync());

        var items = await MsBuildItems.AdditionalFilesAsync(fixture.ConsumerDirectory, "-p:TargetFramework=net10.0");
        Assert.Equal([Path.Combine(fixture.ConsumerDirectory, "spec", "helpcrunch.yaml")], items.Select(item => item.Metadata("FullPath")));

        var optedOut = await MsBuildItems.AdditionalFilesAsync(fixture.ConsumerDirectory, "-p:TargetFramework=net10.0", "-p:EnableHelpCrunchGenDefaultSpecs=false");
        Assert.Empty(optedOut);
    }

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")]
    public async Task Reassigns_a_chat_on_the_emulator(string tfm)
    {
        await PackageFixture.SucceededAsync(fixture.ConsumerBuildAsync());
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        Assert.Null(emulator.Store.FindChat(5214000)!.AssigneeId);

        // A net8.0 app rolls forward to a newer runtime only when no 8.0 runtime is installed (this machine has 10 only).
        ProcessResult run = await DotnetCli.RunAsync(fixture.ConsumerDirectory,
            [Path.Combine("bin", "Release", tfm, "Consumer.dll"), emulator.BaseAddress.ToString(), emulator.ApiKey],
            TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" });
        output.WriteLine(run.Output);

        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains($"Chat 5214000 is now assigned to {PackageFixture.AgentName}.", run.Output);
        Assert.Contains("JSON round trip: identical", run.Output);
        Assert.Equal(4188, emulator.Store.FindChat(5214000)!.AssigneeId);
    }
}
