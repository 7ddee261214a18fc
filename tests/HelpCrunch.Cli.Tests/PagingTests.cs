using System.Net;
using System.Text.Json;
using HelpCrunch.Cli.Tests.Infrastructure;

namespace HelpCrunch.Cli.Tests;

/// <summary><c>--all</c>: every page through the generated <c>*AllAsync</c> stream, printed as it arrives.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task All_prints_three_pages_as_they_arrive_with_progress_on_stderr()
    {
        var api = ThreeChatPages();
        using var stdout = new StringWriter();
        string? printedBeforeSecondPage = null;
        api.BeforeAnswer = request =>
        {
            if (request == 2)
            {
                printedBeforeSecondPage = stdout.ToString();
            }
        };

        var run = await CliRun.AgainstAsync(api, stdout, CancellationToken.None, "chats", "list", "--all", "--limit", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["/v1/chats?offset=0&limit=2", "/v1/chats?offset=2&limit=2", "/v1/chats?offset=4&limit=2"],
            api.Requests.Select(r => r.PathAndQuery));
        string[] rows = Lines(run.Stdout)[1..];
        Assert.Equal(["1", "2", "3", "4", "5"], rows.Select(row => row.Split(' ')[0]));
        Assert.Equal(["fetched 2 of 5", "fetched 4 of 5", "fetched 5 of 5"], Lines(run.Stderr));
        // The first page was on stdout before the second was asked for: a stream, not a buffer.
        Assert.NotNull(printedBeforeSecondPage);
        Assert.Equal(3, Lines(printedBeforeSecondPage).Length);
    }

    [Fact]
    public async Task All_with_json_writes_json_lines_one_object_per_line()
    {
        var api = new StubApi()
            .Answer(CustomerPage(1, 2, total: 5))
            .Answer(CustomerPage(3, 4, total: 5))
            .Answer(CustomerPage(5, 5, total: 5));

        var run = await CliRun.AgainstAsync(api, "customers", "list", "--all", "--limit", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        string[] lines = Lines(run.Stdout);
        Assert.Equal(5, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(i + 1, line.RootElement.GetProperty("id").GetInt64());
        }

        Assert.Equal(["fetched 2 of 5", "fetched 4 of 5", "fetched 5 of 5"], Lines(run.Stderr));
    }

    [Fact]
    public async Task Search_all_pages_through_the_search()
    {
        var api = new StubApi()
            .Answer(ChatPage(1, 2, total: 3))
            .Answer(ChatPage(3, 3, total: 3));

        var run = await CliRun.AgainstAsync(api, "chats", "search", "--status", "opened", "--all", "--limit", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Equal("/v1/chats/search", r.PathAndQuery));
        Assert.Contains("\"offset\":2", api.Requests[1].Body);
        Assert.Equal(3, Lines(run.Stdout).Length);
        Assert.Equal(["fetched 2 of 3", "fetched 3 of 3"], Lines(run.Stderr));
    }

    [Fact]
    public async Task Ctrl_c_during_the_stream_exits_130_after_what_was_printed()
    {
        using var ctrlC = new CancellationTokenSource();
        var api = ThreeChatPages();
        api.BeforeAnswer = request =>
        {
            if (request == 2)
            {
                ctrlC.Cancel();
            }
        };

        var run = await CliRun.AgainstAsync(api, ctrlC.Token, "chats", "list", "--all", "--limit", "2");

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(3, Lines(run.Stdout).Length); // header + the first page
        Assert.EndsWith("cancelled." + Environment.NewLine, run.Stderr);
    }

    [Fact]
    public async Task An_api_error_on_a_later_page_exits_1_with_its_codes()
    {
        var api = new StubApi()
            .Answer(ChatPage(1, 2, total: 5))
            .AnswerExample("common.error-429-too-many-requests.json", HttpStatusCode.TooManyRequests);

        var run = await CliRun.AgainstAsync(api, "chats", "list", "--all", "--limit", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("fetched 2 of 5", run.Stderr);
        Assert.Contains("error: 429 too_many_requests: ", run.Stderr);
    }

    [Fact]
    public async Task An_empty_result_says_so_on_stderr()
    {
        var api = new StubApi().Answer("""{"data":[],"meta":{"total":0}}""");

        var run = await CliRun.AgainstAsync(api, "agents", "list", "--all");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(Lines(run.Stdout)); // the header
        Assert.Equal(["fetched 0"], Lines(run.Stderr));
    }

    private static StubApi ThreeChatPages() => new StubApi()
        .Answer(ChatPage(1, 2, total: 5))
        .Answer(ChatPage(3, 4, total: 5))
        .Answer(ChatPage(5, 5, total: 5));

    private static string ChatPage(int first, int last, int total)
    {
        var chats = Enumerable.Range(first, last - first + 1).Select(id =>
            $$$"""{"id":{{{id}}},"status":"opened","createdAt":1593108596,"customer":{"id":{{{100 + id}}},"name":"Customer {{{id}}}"}}""");
        return $$$"""{"data":[{{{string.Join(',', chats)}}}],"meta":{"total":{{{total}}}}}""";
    }

    private static string CustomerPage(int first, int last, int total)
    {
        var customers = Enumerable.Range(first, last - first + 1).Select(id => $$$"""{"id":{{{id}}},"name":"Customer {{{id}}}"}""");
        return $$"""{"total":{{total}},"data":[{{string.Join(',', customers)}}]}""";
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
