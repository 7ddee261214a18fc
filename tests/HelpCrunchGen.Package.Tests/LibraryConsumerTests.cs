using HelpCrunch.Emulator;

namespace HelpCrunchGen.Package.Tests;

/// <summary>
/// A netstandard2.0 class library using the package (LangVersion 11 and four polyfill attributes, as the
/// README says), called by a net10.0 app; and what a library below C# 11 gets instead.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LibraryConsumerTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Netstandard20_library_and_the_app_using_it_build_with_warnings_as_errors()
    {
        ProcessResult build = await PackageFixture.SucceededAsync(fixture.LibraryBuildAsync());
        output.WriteLine($"library + app build: {build.Duration.TotalSeconds:0.0} s");

        Assert.True(build.WarningLines().Count == 0, build.Describe());
        Assert.True(build.GeneratorLoadFailures().Count == 0, build.Describe());
        string library = Path.Combine(fixture.LibraryDirectory, "bin", "Release", "netstandard2.0", "Library.dll");
        Assert.Equal(".NETStandard,Version=v2.0", AssemblyInspector.Read(File.ReadAllBytes(library)).TargetFramework);
    }

    [Fact]
    public async Task A_spec_the_project_lists_itself_is_not_added_again_by_the_convention()
    {
        await PackageFixture.SucceededAsync(fixture.LibraryBuildAsync());

        // Listed as "./spec/helpcrunch.yaml"; the convention would add "spec/helpcrunch.yaml".
        var item = Assert.Single(await MsBuildItems.AdditionalFilesAsync(fixture.LibraryDirectory));
        Assert.Equal("./spec/helpcrunch.yaml", item.Metadata("Identity"));
        Assert.Equal("Library.HelpCrunch", item.Metadata("HelpCrunchGenNamespace"));
    }

    [Fact]
    public async Task App_calls_the_library_which_reassigns_a_chat_on_the_emulator()
    {
        await PackageFixture.SucceededAsync(fixture.LibraryBuildAsync());
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();

        ProcessResult run = await DotnetCli.RunAsync(fixture.AppDirectory,
            [Path.Combine("bin", "Release", "net10.0", "App.dll"), emulator.BaseAddress.ToString(), emulator.ApiKey], TimeSpan.FromMinutes(1));
        output.WriteLine(run.Output);

        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains($"Chat 5214000 is now assigned to {PackageFixture.AgentName}", run.Output);
        Assert.Equal(4188, emulator.Store.FindChat(5214000)!.AssigneeId);
    }

    [Fact]
    public async Task Below_CSharp_11_the_build_fails_with_HCG0011()
    {
        await PackageFixture.SucceededAsync(fixture.LibraryBuildAsync());

        // A copy of the library, so that its failed build leaves the real one alone.
        string copy = Path.Combine(fixture.WorkRoot, "LibraryCSharp10");
        Directory.CreateDirectory(Path.Combine(copy, "spec"));
        foreach (string file in new[] { "Library.csproj", "Polyfills.cs", "ChatAssigner.cs", Path.Combine("spec", "helpcrunch.yaml") })
        {
            File.Copy(Path.Combine(fixture.LibraryDirectory, file), Path.Combine(copy, file), overwrite: true);
        }

        ProcessResult build = await DotnetCli.RunAsync(copy,
            ["build", "--configuration", "Release", "-p:LangVersion=10", "--disable-build-servers", "-tl:off"], TimeSpan.FromMinutes(3));

        Assert.False(build.Succeeded, build.Describe());
        Assert.Contains("error HCG0011", build.Output);
    }
}
