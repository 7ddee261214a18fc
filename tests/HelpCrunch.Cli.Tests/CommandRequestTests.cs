using System.Text.Json.Nodes;
using HelpCrunch.Cli.Tests.Infrastructure;

namespace HelpCrunch.Cli.Tests;

/// <summary>Every subcommand: the command line becomes exactly the request the API documents.</summary>
public sealed class CommandRequestTests
{
    public static TheoryData<string[], string, string, string, string?> Commands => new()
    {
        { ["chats", "list", "--sort", "lastMessageAt", "--order", "desc", "--offset", "10", "--limit", "5"], "get-chats.response.json", "GET", "/v1/chats?sort=chats.lastMessageAt&order=desc&offset=10&limit=5", null },
        { ["chats", "get", "--chat", "5214000"], "update-chat-assignee.response.json", "GET", "/v1/chats/5214000", null },
        { ["chats", "search", "--status", "opened"], "get-chats.response.json", "POST", "/v1/chats/search", """{"filter":[{"field":"chats.status","operator":"=","value":"opened"}]}""" },
        {
            ["chats", "search", "--filter", "customer.email=noah@example.com", "--filter", "createdAt>=2020-06-01", "--any", "--sort", "createdAt", "--order", "asc", "--offset", "20", "--limit", "10"],
            "get-chats.response.json", "POST", "/v1/chats/search",
            """{"filter":[{"field":"chats.customer.email","operator":"=","value":"noah@example.com"},{"field":"chats.createdAt","operator":">=","value":1590969600}],"comparison":"OR","sort":"chats.createdAt","order":"asc","offset":20,"limit":10}"""
        },
        { ["chats", "search", "--assignee", "4188", "--customer-email", "noah@example.com"], "get-chats.response.json", "POST", "/v1/chats/search", """{"filter":[{"field":"chats.assignee","operator":"=","value":4188},{"field":"chats.customer.email","operator":"=","value":"noah@example.com"}],"comparison":"AND"}""" },
        { ["chats", "create", "--customer", "8740457", "--application", "12"], "create-chat.response.json", "POST", "/v1/chats", """{"customer":8740457,"application":12}""" },
        { ["chats", "status", "--chat", "5214000", "--status", "on hold"], "update-chat-assignee.response.json", "PUT", "/v1/chats/status", """{"id":5214000,"status":"on hold"}""" },
        { ["chats", "assign", "--chat", "5214000", "--assignee", "none"], "update-chat-assignee.response.json", "PUT", "/v1/chats/assignee", """{"id":5214000,"assignee":null}""" },
        { ["assign", "--chat", "5214000", "--assignee", "4188"], "update-chat-assignee.response.json", "PUT", "/v1/chats/assignee", """{"id":5214000,"assignee":4188}""" },
        { ["chats", "department", "--chat", "5214000", "--department", "233046"], "update-chat-assignee.response.json", "PUT", "/v1/chats/department", """{"id":5214000,"department":233046}""" },
        { ["chats", "snooze", "--chat", "5214000", "--until", "1603864800"], "update-chat-assignee.response.json", "PUT", "/v1/chats/snooze", """{"id":5214000,"snoozedUntil":1603864800}""" },
        { ["chats", "snooze", "--chat", "5214000", "--until", "2020-10-28T06:00"], "update-chat-assignee.response.json", "PUT", "/v1/chats/snooze", """{"id":5214000,"snoozedUntil":1603864800}""" },
        { ["chats", "snooze", "--chat", "5214000", "--until", "none"], "update-chat-assignee.response.json", "PUT", "/v1/chats/snooze", """{"id":5214000,"snoozedUntil":null}""" },
        { ["chats", "rate", "--chat", "5214000", "--rating", "very poor"], "update-chat-assignee.response.json", "PUT", "/v1/chats/rate", """{"id":5214000,"rating":"very poor"}""" },
        { ["chats", "read", "--chat", "5214000"], "update-chat-assignee.response.json", "PUT", "/v1/chats/readByAgent", """{"id":5214000,"read":true}""" },
        { ["chats", "read", "--chat", "5214000", "--by", "customer", "--unread"], "update-chat-assignee.response.json", "PUT", "/v1/chats/readByCustomer", """{"id":5214000,"read":false}""" },
        { ["messages", "list", "--chat", "5215261", "--limit", "50"], "get-messages.response.CONSTRUCTED.json", "GET", "/v1/chats/5215261/messages?limit=50", null },
        { ["messages", "send", "--chat", "5215261", "--text", "Hello there", "--agent", "4188", "--private"], "message-model.response.json", "POST", "/v1/messages", """{"chat":5215261,"text":"Hello there","agent":4188,"type":"private"}""" },
        { ["messages", "send", "--chat", "5215261", "--text", "@Noah thanks", "--agent", "4188"], "message-model.response.json", "POST", "/v1/messages", """{"chat":5215261,"text":"@Noah thanks","agent":4188,"type":"message"}""" },
        { ["messages", "send", "--chat", "5215261", "--text", "Hi", "--markdown", "**Hi**"], "message-model.response.json", "POST", "/v1/messages", """{"chat":5215261,"text":"Hi","markdownText":"**Hi**","type":"message"}""" },
        { ["customers", "list", "--sort", "lastSeen", "--order", "asc"], "get-customers.response.json", "GET", "/v1/customers?sort=customers.lastSeen&order=asc", null },
        { ["customers", "get", "--customer", "542335"], "customer-model.response.json", "GET", "/v1/customers/542335", null },
        { ["customers", "search", "--email", "noah@example.com"], "get-customers.response.json", "POST", "/v1/customers/search", """{"filter":[{"field":"customers.email","operator":"=","value":"noah@example.com"}]}""" },
        { ["customers", "search", "--filter", "name~Noah", "--filter", "tagsData=vip", "--limit", "100"], "get-customers.response.json", "POST", "/v1/customers/search", """{"filter":[{"field":"customers.name","operator":"~","value":"Noah"},{"field":"customers.tagsData","operator":"=","value":"vip"}],"comparison":"AND","limit":100}""" },
        { ["customers", "create", "--name", "Noah", "--email", "noah@example.com", "--user-id", "u-1", "--tag", "vip", "--tag", "Lead:#ccc"], "customer-model.response.json", "POST", "/v1/customers", """{"name":"Noah","email":"noah@example.com","userId":"u-1","tags":[{"name":"vip"},{"name":"Lead","color":"#ccc"}]}""" },
        { ["customers", "update", "--customer", "542335", "--company", "Acme", "--phone", "+10233456781"], "customer-model.response.json", "PATCH", "/v1/customers/542335", """{"company":"Acme","phone":"+10233456781"}""" },
        { ["customers", "tag", "--customer", "542335", "--tag", "Lead:#ccc", "--tag", "PPC"], "tag-customer.response.json", "PUT", "/v1/customers/542335/tags", """{"tags":[{"name":"Lead","color":"#ccc"},{"name":"PPC"}]}""" },
        { ["customers", "untag", "--customer", "542335", "--tag", "PPC"], "untag-customer.response.json", "DELETE", "/v1/customers/542335/tags", """{"tags":[{"name":"PPC"}]}""" },
        { ["events", "add", "--customer", "7830053", "--name", "Button Click", "--data", "button=Start Free Trial", "--data", "clicks=2"], "add-customer-event.response.CONSTRUCTED.json", "POST", "/v1/events", """{"name":"Button Click","data":{"button":"Start Free Trial","clicks":2},"customer":7830053}""" },
        { ["agents", "list", "--offset", "0", "--limit", "100"], "get-agents.response.json", "GET", "/v1/agents?offset=0&limit=100", null },
        { ["departments", "list"], "get-departments.response.json", "GET", "/v1/departments", null },
        { ["organization"], "get-organization.response.json", "GET", "/v1/organization", null },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_sends_the_documented_request(string[] args, string response, string method, string pathAndQuery, string? body)
    {
        var api = new StubApi().AnswerExample(response);

        var run = await CliRun.AgainstAsync(api, args);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}");
        RecordedRequest request = api.Single();
        Assert.Equal(method, request.Method.Method);
        Assert.Equal(pathAndQuery, request.PathAndQuery);
        Assert.Equal("Bearer " + CliRun.Key, request.Authorization);
        if (body is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), "no body expected, got " + request.Body);
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(request.Body!)), $"expected {body}\nsent     {request.Body}");
        }

        Assert.NotEqual(string.Empty, run.Stdout);
        Assert.DoesNotContain(CliRun.Key, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Delete_customer_reads_the_bare_ok_answer()
    {
        var api = new StubApi().Answer("Ok", mediaType: "text/plain");

        var run = await CliRun.AgainstAsync(api, "customers", "delete", "--customer", "542335");

        Assert.Equal(0, run.ExitCode);
        RecordedRequest request = api.Single();
        Assert.Equal("DELETE", request.Method.Method);
        Assert.Equal("/v1/customers/542335", request.PathAndQuery);
        Assert.Equal("Customer 542335 deleted." + Environment.NewLine, run.Stdout);
    }

    [Fact]
    public async Task Delete_customer_json_is_the_answer_as_a_json_string()
    {
        var api = new StubApi().Answer("Ok", mediaType: "text/plain");

        var run = await CliRun.AgainstAsync(api, "customers", "delete", "--customer", "542335", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\"Ok\"", run.Stdout.Trim());
    }

    [Fact]
    public async Task Base_url_replaces_the_api_root_and_keeps_its_path()
    {
        var api = new StubApi().AnswerExample("get-organization.response.json");

        var run = await CliRun.AgainstAsync(api, "organization", "--base-url", "https://proxy.example.com/helpcrunch/v1/");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/helpcrunch/v1/organization", api.Single().PathAndQuery);
    }
}
