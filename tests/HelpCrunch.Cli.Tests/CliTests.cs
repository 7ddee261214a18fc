using System.Text.Json;
using HelpCrunch.Cli;
using HelpCrunch.Emulator;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output; without a key it starts its own emulator.</summary>
public sealed class CliTests
{
    private static readonly Func<string, string?> NoKey = _ => null;

    [Fact]
    public async Task Assign_prints_the_new_assignee_from_the_emulator()
    {
        var run = await RunAsync(NoKey, "assign", "--chat", "5214000", "--assignee", "4188");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Chat 5214000 is now assigned to Derek Swanson.", run.Stdout);
        Assert.Contains("Derek Swanson (id 4188, derek.swanson@company.com, admin)", run.Stdout);
        Assert.Contains("status:        pending", run.Stdout);
        Assert.Contains("customer:      Noah (id 8740457, noah@example.com)", run.Stdout);
        Assert.Contains("created:       2020-06-16 18:32 UTC (", run.Stdout);
        Assert.Contains("HELPCRUNCH_API_KEY is not set: using the local HelpCrunch emulator at http://127.0.0.1:", run.Stderr);
    }

    [Fact]
    public async Task Unassign_prints_nobody()
    {
        var run = await RunAsync(NoKey, "assign", "--chat", "5217453", "--assignee", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Chat 5217453 is now unassigned.", run.Stdout);
        Assert.Contains("assignee:      nobody", run.Stdout);
        Assert.Contains("status:        on hold", run.Stdout);
    }

    [Fact]
    public async Task Json_output_is_the_chat_with_the_new_assignee()
    {
        var run = await RunAsync(NoKey, "assign", "--chat", "5217453", "--assignee", "4188", "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout); // stdout holds nothing but the JSON
        JsonElement chat = document.RootElement;
        Assert.Equal(5217453, chat.GetProperty("id").GetInt64());
        Assert.Equal(4188, chat.GetProperty("assignee").GetProperty("id").GetInt64());
        Assert.Equal("Derek Swanson", chat.GetProperty("assignee").GetProperty("name").GetString());
        Assert.Equal("on hold", chat.GetProperty("status").GetString());
        Assert.Contains("\n  \"id\": 5217453", run.Stdout.ReplaceLineEndings("\n")); // indented
    }

    [Fact]
    public async Task Json_output_of_an_unassigned_chat_has_a_null_assignee()
    {
        var run = await RunAsync(NoKey, "assign", "--chat=5214000", "--assignee=none", "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.True(
            !document.RootElement.TryGetProperty("assignee", out JsonElement assignee) || assignee.ValueKind == JsonValueKind.Null,
            "assignee should be absent or null");
    }

    [Fact]
    public async Task Unknown_chat_reports_every_api_error_and_exits_1()
    {
        var run = await RunAsync(NoKey, "assign", "--chat", "999999", "--assignee", "4188");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: 404 chat_not_found: Chat is missing", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Unknown_agent_is_an_api_error()
    {
        var run = await RunAsync(NoKey, "assign", "--chat", "5214000", "--assignee", "12345");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: 400 invalid_chat_value: assignee value is invalid", run.Stderr);
    }

    [Theory]
    [InlineData("assign")]
    [InlineData("frob")]
    [InlineData("--chat", "1", "--assignee", "2")]
    [InlineData("assign", "--chat", "5214000")]
    [InlineData("assign", "--assignee", "4188")]
    [InlineData("assign", "--chat")]
    [InlineData("assign", "--chat", "--assignee", "4188")]
    [InlineData("assign", "--chat", "abc", "--assignee", "4188")]
    [InlineData("assign", "--chat", "0", "--assignee", "4188")]
    [InlineData("assign", "--chat", "-5", "--assignee", "4188")]
    [InlineData("assign", "--chat", "5214000", "--assignee", "nobody")]
    [InlineData("assign", "--chat", "5214000", "--assignee", "4188", "--verbose")]
    [InlineData("assign", "--chat", "5214000", "--assignee", "4188", "-v")]
    [InlineData("assign", "--chat", "5214000", "--assignee", "4188", "extra")]
    [InlineData("assign", "--chat", "1", "--chat", "2", "--assignee", "4188")]
    [InlineData("assign", "--chat", "1", "--assignee", "4188", "--json=yes")]
    [InlineData("assign", "--chat", "1", "--assignee", "4188", "--base-url", "not a url")]
    [InlineData("assign", "--chat", "1", "--assignee", "4188", "--base-url", "ftp://example.com/v1")]
    public async Task Bad_arguments_exit_2_with_a_message_on_stderr(params string[] args)
    {
        var run = await RunAsync(NoKey, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Contains("--help", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Root_help_exits_0_with_usage_environment_and_examples_on_stdout(params string[] args)
    {
        var run = await RunAsync(NoKey, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("HELPCRUNCH_API_KEY", run.Stdout);
        Assert.Contains("130  cancelled (Ctrl+C)", run.Stdout);
        Assert.Contains("HelpCrunch.Cli chats assign --chat 5214000 --assignee 4188", run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Theory]
    [InlineData("assign", "--help")]
    [InlineData("assign", "--chat", "oops", "-h")]
    [InlineData("chats", "assign", "--help")]
    public async Task Assign_help_exits_0_with_its_options_on_stdout(params string[] args)
    {
        var run = await RunAsync(NoKey, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("--chat <id>", run.Stdout);
        Assert.Contains("--assignee <agentId|none>", run.Stdout);
        Assert.Contains("--json", run.Stdout);
        Assert.Contains("--base-url", run.Stdout);
        Assert.Contains("HELPCRUNCH_API_KEY", run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Base_url_without_a_key_is_a_usage_error()
    {
        var run = await RunAsync(NoKey, "assign", "--chat", "5214000", "--assignee", "4188", "--base-url", "http://127.0.0.1:1/v1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--base-url needs an API key", run.Stderr);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused_before_sending_the_key()
    {
        const string key = "hc-test-secret-0001";
        var run = await RunAsync(Env(key), "assign", "--chat", "5214000", "--assignee", "4188", "--base-url", "http://api.example.com/v1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("invalid base URL", run.Stderr);
        Assert.DoesNotContain(key, run.Stderr);
    }

    [Fact]
    public async Task Key_and_base_url_call_that_server_and_report_rate_limits_without_printing_the_key()
    {
        const string key = "hc-test-secret-0002";
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ApiKey = key, RequestsPerMinute = 1 });
        string baseUrl = emulator.BaseAddress.ToString();

        var first = await RunAsync(Env(key), "assign", "--chat", "5214000", "--assignee", "4188", "--base-url", baseUrl);
        var second = await RunAsync(Env(key), "assign", "--chat", "5214000", "--assignee", "none", "--base-url", baseUrl);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Derek Swanson", first.Stdout);
        Assert.DoesNotContain("emulator", first.Stderr); // the key was set: no embedded emulator
        Assert.Equal(SeedData.DerekSwansonId, emulator.Store.FindChat(SeedData.PendingUnassignedChatId)?.AssigneeId);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("error: 429 too_many_requests: ", second.Stderr);
        Assert.Matches(@"retry after \d+ s", second.Stderr);

        foreach (var run in new[] { first, second })
        {
            Assert.DoesNotContain(key, run.Stdout);
            Assert.DoesNotContain(key, run.Stderr);
        }
    }

    [Fact]
    public async Task Wrong_key_is_an_api_error_that_does_not_echo_the_key()
    {
        const string wrongKey = "hc-wrong-secret-0003";
        await using var emulator = await HelpCrunchEmulator.StartAsync();

        var run = await RunAsync(Env(wrongKey), "assign", "--chat", "5214000", "--assignee", "4188", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: 401 invalid_token: Invalid token", run.Stderr);
        Assert.DoesNotContain(wrongKey, run.Stderr);
        Assert.DoesNotContain(wrongKey, run.Stdout);
    }

    [Fact]
    public async Task Blank_key_counts_as_not_set()
    {
        var run = await RunAsync(Env("   "), "assign", "--chat", "5214000", "--assignee", "4188");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("using the local HelpCrunch emulator", run.Stderr);
    }

    [Fact]
    public async Task Cancellation_exits_130()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await RunAsync(NoKey, TimeProvider.System, cancelled.Token, "assign", "--chat", "5214000", "--assignee", "4188");

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("cancelled", run.Stderr);
    }

    [Fact]
    public async Task Times_are_absolute_utc_with_a_relative_hint()
    {
        var now = new FixedTimeProvider(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));

        var run = await RunAsync(NoKey, now, CancellationToken.None, "assign", "--chat", "5216804", "--assignee", "6694");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("created:       2020-10-27 09:13 UTC (4 years ago)", run.Stdout);
        Assert.Contains("snoozed until: 2020-10-28 06:00 UTC (4 years ago)", run.Stdout);
        Assert.Contains("department:    Support (id 233046)", run.Stdout);
    }

    private static Func<string, string?> Env(string apiKey) =>
        name => name == Cli.ApiKeyVariable ? apiKey : null;

    private static Task<CliRun> RunAsync(Func<string, string?> env, params string[] args) =>
        RunAsync(env, TimeProvider.System, CancellationToken.None, args);

    private static async Task<CliRun> RunAsync(Func<string, string?> env, TimeProvider time, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = await Cli.RunAsync(args, stdout, stderr, env, time, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    private sealed record CliRun(int ExitCode, string Stdout, string Stderr);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
