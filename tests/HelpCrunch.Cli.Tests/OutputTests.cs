using System.Text.Json;
using HelpCrunch.Cli.Tests.Infrastructure;

namespace HelpCrunch.Cli.Tests;

/// <summary>Tables for people by default, the API's JSON with <c>--json</c>.</summary>
public sealed class OutputTests
{
    [Fact]
    public async Task Chat_list_is_a_table_with_aligned_columns_and_relative_times()
    {
        var api = new StubApi().AnswerExample("get-chats.response.json");

        var run = await CliRun.AgainstAsync(api, "chats", "list");

        Assert.Equal(0, run.ExitCode);
        string[] lines = Lines(run.Stdout);
        Assert.Equal(2, lines.Length);
        string header = lines[0], row = lines[1];
        Assert.StartsWith("ID ", header);
        Assert.StartsWith("5217453 ", row);
        Assert.Equal(header.IndexOf("STATUS", StringComparison.Ordinal), row.IndexOf("on hold", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("CUSTOMER", StringComparison.Ordinal), row.IndexOf("mateus", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("ASSIGNEE", StringComparison.Ordinal), row.IndexOf("Lisa Rodes", StringComparison.Ordinal));
        // created 2020-06-25, "now" is 2025-07-01
        Assert.Equal(header.IndexOf("CREATED", StringComparison.Ordinal), row.LastIndexOf("5 years ago", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_list_json_is_the_page_as_one_document()
    {
        var api = new StubApi().AnswerExample("get-chats.response.json");

        var run = await CliRun.AgainstAsync(api, "chats", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout); // nothing but the JSON on stdout
        JsonElement chat = Assert.Single(document.RootElement.GetProperty("data").EnumerateArray().ToArray());
        Assert.Equal(5217453, chat.GetProperty("id").GetInt64());
        Assert.Equal("on hold", chat.GetProperty("status").GetString());
        Assert.Equal("Lisa Rodes", chat.GetProperty("assignee").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Server_text_cannot_inject_terminal_control_sequences_into_a_table()
    {
        var api = new StubApi().Answer("""{"data":[{"id":1,"name":"Eve\u001b[2J\nFAKE ROW","email":"eve@example.com"}],"total":1}""");

        var run = await CliRun.AgainstAsync(api, "customers", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        string[] lines = Lines(run.Stdout);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Eve [2J FAKE ROW", lines[1]); // the escape character became a space
    }

    [Fact]
    public async Task Long_cells_are_cut_so_that_columns_stay_aligned()
    {
        string longName = new('x', 80);
        var api = new StubApi().Answer($$"""{"data":[{"id":1,"name":"{{longName}}","email":"a@example.com"}],"total":1}""");

        var run = await CliRun.AgainstAsync(api, "customers", "list");

        string[] lines = Lines(run.Stdout);
        Assert.Contains("xxx...", lines[1]);
        Assert.Equal(lines[0].IndexOf("EMAIL", StringComparison.Ordinal), lines[1].IndexOf("a@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Customer_details_for_people()
    {
        var api = new StubApi().AnswerExample("customer-model.response.json");

        var run = await CliRun.AgainstAsync(api, "customers", "get", "--customer", "542335");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Customer 542335" + Environment.NewLine, run.Stdout);
        Assert.Contains("  name:          John Doe", run.Stdout);
        Assert.Contains("  location:      Kyiv, Kyyivs'ka Oblast, UA", run.Stdout);
        Assert.Contains("  first seen:    2020-10-28 11:49 UTC (4 years ago)", run.Stdout);
    }

    [Fact]
    public async Task Customer_json_is_the_customer_indented()
    {
        var api = new StubApi().AnswerExample("customer-model.response.json");

        var run = await CliRun.AgainstAsync(api, "customers", "get", "--customer", "542335", "--json");

        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(542335, document.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("Kyiv", document.RootElement.GetProperty("location").GetProperty("city").GetString());
        Assert.Contains("\n  \"id\": 542335", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Agents_departments_and_organization_read_for_people()
    {
        var agents = await CliRun.AgainstAsync(new StubApi().AnswerExample("get-agents.response.json"), "agents", "list");
        var departments = await CliRun.AgainstAsync(new StubApi().AnswerExample("get-departments.response.json"), "departments", "list");
        var organization = await CliRun.AgainstAsync(new StubApi().AnswerExample("get-organization.response.json"), "organization");

        Assert.Contains(Lines(agents.Stdout), line => line.StartsWith("4761 ", StringComparison.Ordinal) && line.Contains("Nick Grachesku") && line.EndsWith("agent", StringComparison.Ordinal));
        Assert.Contains(Lines(departments.Stdout), line => line.StartsWith("233046 ", StringComparison.Ordinal) && line.Contains("Support") && line.Contains("Borat, Ali"));
        Assert.Contains("  team online:   yes", organization.Stdout);
    }

    [Fact]
    public async Task A_changed_chat_is_shown_with_its_details()
    {
        var api = new StubApi().AnswerExample("update-chat-assignee.response.json");

        var run = await CliRun.AgainstAsync(api, "chats", "status", "--chat", "5214000", "--status", "pending");

        Assert.StartsWith("Chat 5214000" + Environment.NewLine, run.Stdout);
        Assert.Contains("  status:        pending", run.Stdout);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
