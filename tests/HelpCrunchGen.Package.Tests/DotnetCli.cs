using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpCrunchGen.Package.Tests;

/// <summary>The outcome of one child process: exit code and everything it printed, in order.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, its exit code and the end of its output: enough to read a failure in the test log.</summary>
    public string Describe(int tailCharacters = 12_000)
    {
        string tail = Output.Length <= tailCharacters ? Output : "…" + Output[^tailCharacters..];
        return $"$ {CommandLine}\nexit code {ExitCode} after {Duration.TotalSeconds:0.0} s\n{tail}";
    }

    /// <summary>Lines that MSBuild, the compiler, ILLink or ILC reported as warnings (e.g. "warning IL2026", "Trim analysis warning …").</summary>
    public IReadOnlyList<string> WarningLines() =>
        Output.Split('\n')
            .Where(line => WarningPattern.IsMatch(line) && !WarningSummaryPattern.IsMatch(line))
            .Select(line => line.TrimEnd())
            .ToArray();

    /// <summary>Lines naming one of the compiler's "the analyzer/generator did not load" diagnostics.</summary>
    public IReadOnlyList<string> GeneratorLoadFailures() =>
        Output.Split('\n').Where(line => LoadFailurePattern.IsMatch(line)).Select(line => line.TrimEnd()).ToArray();

    private static readonly Regex WarningPattern = new(@"\bwarning\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>MSBuild's closing count ("    0 Warning(s)"), which is not itself a warning.</summary>
    private static readonly Regex WarningSummaryPattern = new(@"^\s*\d+ Warning\(s\)\s*$", RegexOptions.CultureInvariant);

    /// <summary>CS8032 analyzer not created, CS8784/CS8785 generator failed to initialize/run, CS9057 newer compiler.</summary>
    private static readonly Regex LoadFailurePattern = new(@"\b(CS8032|CS8784|CS8785|CS9057)\b", RegexOptions.CultureInvariant);
}

/// <summary>Runs <c>dotnet</c> (or a built program) as a child process with a clean environment and a timeout.</summary>
internal static class DotnetCli
{
    private static readonly string[] KeptDotnetVariables =
    [
        "DOTNET_ROOT", "DOTNET_CLI_HOME", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE",
        "DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE", "DOTNET_GENERATE_ASPNET_CERTIFICATE",
    ];

    /// <summary>The dotnet executable that runs the tests (the SDK sets DOTNET_HOST_PATH for its children).</summary>
    public static string Host { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null) =>
        RunProgramAsync(Host, workingDirectory, arguments, timeout, environment);

    public static async Task<ProcessResult> RunProgramAsync(string program, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        CleanEnvironment(start.Environment);
        if (environment is not null)
        {
            foreach ((string name, string value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        string commandLine = program + " " + string.Join(' ', start.ArgumentList);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start " + commandLine);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                lock (output)
                {
                    output.Append($"[test] killed: no exit within {timeout.TotalSeconds:0} s\n");
                }

                return new ProcessResult(commandLine, -1, output.ToString(), stopwatch.Elapsed);
            }
        }

        // The parameterless wait also drains the redirected streams.
        await process.WaitForExitAsync();
        lock (output)
        {
            return new ProcessResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>
    /// What `dotnet test` leaves in our environment would steer the child's MSBuild (MSBuildExtensionsPath,
    /// MSBuildSDKsPath, MSBUILD_EXE_PATH …) or the runtime (DOTNET_* set for the test host): drop it, keep
    /// only neutral CLI settings, NuGet's own variables and the rest of the machine's environment.
    /// </summary>
    private static void CleanEnvironment(IDictionary<string, string?> environment)
    {
        foreach (string name in environment.Keys.ToArray())
        {
            bool msbuild = name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase);
            bool dotnet = name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase)
                && !KeptDotnetVariables.Contains(name, StringComparer.OrdinalIgnoreCase)
                && !name.StartsWith("DOTNET_ROOT", StringComparison.OrdinalIgnoreCase);
            bool testHost = name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase);
            if (msbuild || dotnet || testHost)
            {
                environment.Remove(name);
            }
        }

        // Nothing real may be called from a test, and the logs must be English to be read.
        environment.Remove("HELPCRUNCH_API_KEY");
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
    }
}
