namespace HelpCrunch.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public const string Key = "hc-stub-secret-0100";

    /// <summary>Runs the CLI with an API key set, its requests going to <paramref name="api"/>.</summary>
    public static Task<CliRun> AgainstAsync(StubApi api, params string[] args) => AgainstAsync(api, CancellationToken.None, args);

    public static Task<CliRun> AgainstAsync(StubApi api, CancellationToken cancellationToken, params string[] args) =>
        AgainstAsync(api, new StringWriter(), cancellationToken, args);

    /// <summary>Runs with a stdout the test can read while the run is still going.</summary>
    public static async Task<CliRun> AgainstAsync(StubApi api, StringWriter stdout, CancellationToken cancellationToken, params string[] args)
    {
        using var stderr = new StringWriter();
        var context = new CliContext
        {
            Out = stdout,
            Error = stderr,
            GetEnvironmentVariable = name => name == Cli.ApiKeyVariable ? Key : null,
            TimeProvider = new FixedTimeProvider(Now),
            HttpHandler = api,
        };
        int exitCode = await Cli.RunAsync(args, context, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>"Now" for relative times: 2025-07-01 12:00 UTC.</summary>
    public static DateTimeOffset Now { get; } = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);
}

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
