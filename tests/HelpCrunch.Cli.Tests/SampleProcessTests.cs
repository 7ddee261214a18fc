using System.Diagnostics;

namespace HelpCrunch.Cli.Tests;

/// <summary>Runs the sample the way the README tells users to: <c>dotnet run --project samples/HelpCrunch.Cli</c>.</summary>
public sealed class SampleProcessTests
{
    // Only ends a hang: dotnet run evaluates the project first, which is slow on a busy CI machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Dotnet_run_assigns_a_chat_on_the_embedded_emulator()
    {
        string repoRoot = FindRepoRoot();
        string configuration = DetectConfiguration();

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test project references the sample, so it is built already, in this configuration.
        foreach (string arg in new[]
        {
            "run", "--project", "samples/HelpCrunch.Cli", "--no-build", "--configuration", configuration,
            "--", "assign", "--chat", "5214000", "--assignee", "4188",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // No key: the sample must use its embedded emulator, never the real API.
        start.Environment.Remove("HELPCRUNCH_API_KEY");
        // MSBuild settings inherited from the `dotnet test` that runs us would steer the child's evaluation.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.Fail($"dotnet run did not finish within {Timeout.TotalMinutes} min.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
            }
        }

        string output = await stdout;
        string errors = await stderr;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\nstdout:\n{output}\nstderr:\n{errors}");
        Assert.Contains("Derek Swanson", output);
        Assert.Contains("using the local HelpCrunch emulator", errors);
    }

    /// <summary>The directory holding HelpCrunchGen.sln, found by walking up from the test binaries.</summary>
    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HelpCrunchGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"HelpCrunchGen.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The configuration these tests were built in (…/bin/Release/net10.0/ → Release).</summary>
    private static string DetectConfiguration()
    {
        string directory = AppContext.BaseDirectory.Replace('\\', '/');
        return directory.Contains("/Release/", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug";
    }

    /// <summary>The dotnet executable that runs the tests (the SDK sets DOTNET_HOST_PATH for its children).</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
