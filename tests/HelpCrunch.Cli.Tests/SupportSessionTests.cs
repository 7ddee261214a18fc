using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace HelpCrunch.Cli.Tests;

/// <summary>
/// A support session scripted with the CLI against one running emulator over HTTP, as a user would from a terminal:
/// create a customer, open a chat, send a message, assign it, close it, rate it, search it; and the webhooks the
/// emulator sends meanwhile, verified and typed by the generated parser.
/// </summary>
public sealed class SupportSessionTests
{
    private const string WebhookKey = "session-webhook-key-7e21";

    [Fact]
    public async Task A_whole_support_session_runs_from_the_command_line_and_raises_its_webhooks()
    {
        var received = Channel.CreateUnbounded<HelpCrunchWebhookEvent>();
        await using WebApplication receiver = await StartReceiverAsync(received.Writer);
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions
        {
            WebhookUrl = new Uri(receiver.Urls.Single() + "/hooks"),
            WebhookSigningKey = WebhookKey,
        });
        string baseUrl = emulator.BaseAddress.ToString();

        async Task<JsonElement> Cli(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int exit = await HelpCrunch.Cli.Cli.RunAsync(
                [.. args, "--json", "--base-url", baseUrl], stdout, stderr, name => name == HelpCrunch.Cli.Cli.ApiKeyVariable ? emulator.ApiKey : null, CancellationToken.None);
            Assert.True(exit == 0, $"{string.Join(' ', args)} exited with {exit}: {stderr}");
            using JsonDocument document = JsonDocument.Parse(stdout.ToString());
            return document.RootElement.Clone();
        }

        static string Id(JsonElement element) => element.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        string application = Id((await Cli("applications", "list")).GetProperty("data")[0]);
        string agent = Id((await Cli("agents", "list")).GetProperty("data")[0]);
        string customer = Id(await Cli("customers", "create", "--name", "Noah Baker", "--email", "noah.baker@example.test"));
        string chat = Id(await Cli("chats", "create", "--customer", customer, "--application", application));
        JsonElement message = await Cli("messages", "send", "--chat", chat, "--agent", agent, "--text", "Hi Noah, how can I help?");
        JsonElement assigned = await Cli("chats", "assign", "--chat", chat, "--assignee", agent);
        JsonElement closed = await Cli("chats", "status", "--chat", chat, "--status", "closed");
        JsonElement rated = await Cli("chats", "rate", "--chat", chat, "--rating", "great");
        JsonElement found = await Cli("chats", "search", "--customer-email", "noah.baker@example.test");

        Assert.Equal("Hi Noah, how can I help?", message.GetProperty("text").GetString());
        Assert.Equal(agent, Id(assigned.GetProperty("assignee")));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("great", rated.GetProperty("rating").GetString());
        Assert.Equal(chat, Id(Assert.Single(found.GetProperty("data").EnumerateArray())));

        var events = new List<HelpCrunchWebhookEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (events.LastOrDefault() is not ChatRatedEvent)
        {
            events.Add(await received.Reader.ReadAsync(timeout.Token));
        }

        Assert.Equal(
            ["customer.new", "chat.new", "chat.status_updated", "chat.assigned", "chat.status_updated", "chat.closed", "chat.rated"],
            events.Select(e => e.Name));
        Assert.Equal("Noah Baker", Assert.IsType<CustomerNewEvent>(events[0]).Data.Name);
        Assert.Equal(ChatRating.Great, Assert.IsType<ChatRatedEvent>(events[^1]).Data.Rating);
    }

    private static async Task<WebApplication> StartReceiverAsync(ChannelWriter<HelpCrunchWebhookEvent> received)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.MapPost("/hooks", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            await received.WriteAsync(HelpCrunchWebhooks.Parse(body.ToArray(), context.Request.Headers[HelpCrunchWebhooks.SignatureHeader], WebhookKey));
        });
        await app.StartAsync();
        return app;
    }
}
