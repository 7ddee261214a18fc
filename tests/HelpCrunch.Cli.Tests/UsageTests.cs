using System.Net;
using HelpCrunch.Cli.Tests.Infrastructure;

namespace HelpCrunch.Cli.Tests;

/// <summary>Help, usage errors (exit 2, nothing sent) and API errors (exit 1, every code printed).</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("frob")]
    [InlineData("chats")]
    [InlineData("chats", "frob")]
    [InlineData("chats", "get")]
    [InlineData("chats", "get", "--chat", "0")]
    [InlineData("chats", "get", "--chat", "1", "--verbose")]
    [InlineData("chats", "list", "--limit", "0")]
    [InlineData("chats", "list", "--limit", "101")]
    [InlineData("chats", "list", "--offset", "-1")]
    [InlineData("chats", "list", "--sort", "nope")]
    [InlineData("chats", "list", "--all", "--offset", "100")]
    [InlineData("customers", "search", "--email", "a@example.com", "--all", "--offset", "1")]
    [InlineData("chats", "list", "--order", "sideways")]
    [InlineData("chats", "search")]
    [InlineData("chats", "search", "--filter", "nope=1")]
    [InlineData("chats", "search", "--filter", "status")]
    [InlineData("chats", "search", "--filter", "status=")]
    [InlineData("chats", "search", "--status", "sleeping")]
    [InlineData("chats", "status", "--chat", "1")]
    [InlineData("chats", "status", "--chat", "1", "--status", "empty")]
    [InlineData("chats", "snooze", "--chat", "1", "--until", "tomorrow")]
    [InlineData("chats", "rate", "--chat", "1", "--rating", "meh")]
    [InlineData("chats", "read", "--chat", "1", "--by", "robot")]
    [InlineData("messages", "send", "--chat", "1")]
    [InlineData("messages", "send", "--chat", "1", "--text", "hi", "--private")]
    [InlineData("customers", "update", "--customer", "1")]
    [InlineData("customers", "tag", "--customer", "1")]
    [InlineData("customers", "tag", "--customer", "1", "--tag", ":#fff")]
    [InlineData("customers", "search", "--filter", "email")]
    [InlineData("events", "add", "--customer", "1", "--name", "x", "--data", "novalue")]
    [InlineData("emulator", "--port", "70000")]
    [InlineData("emulator", "--error-style", "newest")]
    [InlineData("emulator", "--webhook-url", "ftp://127.0.0.1/hooks")]
    [InlineData("chats", "create", "--customer", "1")]
    [InlineData("organization", "--json=yes")]
    public async Task Usage_errors_exit_2_and_send_nothing(params string[] args)
    {
        var api = new StubApi();

        var run = await CliRun.AgainstAsync(api, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Contains("--help' for usage.", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_usage_error_names_the_command_to_ask_for_help()
    {
        var run = await CliRun.AgainstAsync(new StubApi(), "chats", "rate", "--chat", "1");

        Assert.Contains("'--rating'", run.Stderr);
        Assert.Contains("Run 'HelpCrunch.Cli chats rate --help' for usage.", run.Stderr);
    }

    [Fact]
    public async Task A_group_without_a_subcommand_names_the_choices()
    {
        var run = await CliRun.AgainstAsync(new StubApi(), "messages");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["error: 'HelpCrunch.Cli messages' needs a command: list, send.", "Run 'HelpCrunch.Cli messages --help' for usage."],
            run.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task An_unknown_command_is_the_only_error_reported()
    {
        var run = await CliRun.AgainstAsync(new StubApi(), "frob");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["error: Unrecognized command or argument 'frob'.", "Run 'HelpCrunch.Cli --help' for usage."],
            run.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Root_help_lists_every_command_group()
    {
        var run = await CliRun.AgainstAsync(new StubApi(), "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "chats", "messages", "customers", "events", "agents", "departments", "applications", "organization", "emulator", "assign" })
        {
            Assert.Matches($@"(?m)^  {command}\s", run.Stdout);
        }
    }

    [Theory]
    [InlineData("chats", "list", "get", "search", "create", "status", "assign", "department", "snooze", "rate", "read")]
    [InlineData("messages", "list", "send")]
    [InlineData("customers", "list", "get", "search", "create", "update", "delete", "tag", "untag")]
    [InlineData("events", "add")]
    [InlineData("agents", "list")]
    [InlineData("departments", "list")]
    public async Task Group_help_lists_its_subcommands(string group, params string[] subcommands)
    {
        var run = await CliRun.AgainstAsync(new StubApi(), group, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        foreach (string subcommand in subcommands)
        {
            Assert.Matches($@"(?m)^  {subcommand}\s", run.Stdout);
        }
    }

    [Fact]
    public async Task Every_api_error_code_is_printed_and_the_exit_code_is_1()
    {
        var api = new StubApi().AnswerExample("common.error-400-generic-validation.json", HttpStatusCode.BadRequest);

        var run = await CliRun.AgainstAsync(api, "chats", "search", "--status", "opened");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "error: 400 invalid_request: Invalid request",
                "error: 400 customer: This value should be of type numeric.",
                "error: 400 filter[0].field: This value should not be blank.",
            ],
            run.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task An_unreachable_api_exits_1()
    {
        var api = new StubApi().Fail(new HttpRequestException("Connection refused (api.helpcrunch.com:443)"));

        var run = await CliRun.AgainstAsync(api, "organization");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: the API could not be reached: Connection refused", run.Stderr);
    }

    [Fact]
    public async Task A_success_body_that_does_not_parse_is_an_api_error_not_a_crash()
    {
        var api = new StubApi().Answer("""{"data": "not an organization"}""");

        var run = await CliRun.AgainstAsync(api, "organization");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: 200: ", run.Stderr);
    }
}
