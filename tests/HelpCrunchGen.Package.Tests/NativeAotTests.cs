using HelpCrunch.Emulator;

namespace HelpCrunchGen.Package.Tests;

/// <summary>The fresh consumer published with PublishAot=true (in its csproj): no AOT/trim warning, and the native binary works.</summary>
[Collection(PackageCollection.Name)]
public sealed class NativeAotTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Publish_reports_no_warning_at_all()
    {
        ProcessResult publish = await PackageFixture.SucceededAsync(fixture.NativePublishAsync());
        IReadOnlyList<string> warnings = publish.WarningLines();
        output.WriteLine($"NativeAOT publish for {PackageFixture.RuntimeIdentifier}: {publish.Duration.TotalSeconds:0.0} s, {warnings.Count} warning(s)");

        Assert.True(warnings.Count == 0, publish.Describe());
        Assert.True(publish.GeneratorLoadFailures().Count == 0, publish.Describe());
        Assert.Contains("Generating native code", publish.Output);
    }

    [Fact]
    public async Task Native_binary_reassigns_a_chat_on_the_emulator()
    {
        await PackageFixture.SucceededAsync(fixture.NativePublishAsync());
        var binary = new FileInfo(fixture.NativeBinaryPath);
        Assert.True(binary.Exists, binary.FullName);
        // Native code only: no IL of the app next to it.
        Assert.False(File.Exists(Path.Combine(fixture.NativeDirectory, "Consumer.dll")));
        Assert.False(File.Exists(Path.Combine(fixture.NativeDirectory, "HelpCrunchGen.Runtime.dll")));

        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        ProcessResult run = await DotnetCli.RunProgramAsync(binary.FullName, fixture.NativeDirectory,
            [emulator.BaseAddress.ToString(), emulator.ApiKey], TimeSpan.FromMinutes(1));
        output.WriteLine($"native binary: {binary.Length:N0} bytes ({binary.Length / 1024.0 / 1024.0:0.0} MiB)");
        output.WriteLine(run.Output);

        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains($"Chat 5214000 is now assigned to {PackageFixture.AgentName}.", run.Output);
        Assert.Contains("JSON round trip: identical", run.Output);
        Assert.Equal(4188, emulator.Store.FindChat(5214000)!.AssigneeId);
    }
}
