using System.Net;
using System.Threading.Channels;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunch.WebhookReceiver;
using HelpCrunchGen.Runtime.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Receiver = HelpCrunch.WebhookReceiver.Api;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>
/// Webhooks from the running emulator, sent as HelpCrunch sends them, to the receiver sample, which verifies and types
/// them with the generated parser; and the raw deliveries, tampered with, refused by the same parser.
/// </summary>
public sealed class WebhookEndToEndTests
{
    private const string Key = "e2e-webhook-key-5d1f";

    [Fact]
    public async Task Support_work_arrives_as_verified_typed_events_in_order()
    {
        var received = Channel.CreateUnbounded<Receiver.HelpCrunchWebhookEvent>();
        await using WebApplication receiver = await StartAsync(app => app.MapHelpCrunchWebhooks("/hooks", Key, (webhook, _) => received.Writer.WriteAsync(webhook).AsTask()));
        await using EmulatorSession session = await EmulatorSession.StartAsync(o =>
        {
            o.WebhookUrl = new Uri(receiver.Urls.Single() + "/hooks");
            o.WebhookSigningKey = Key;
        });
        HelpCrunchClient client = session.Client;
        long agent = await session.AnyAgentIdAsync();

        Customer customer = await client.CreateCustomerAsync(new CreateCustomerRequest { Name = "Webhook Walker", Email = "walker@example.test" });
        Chat chat = await client.CreateChatAsync(new CreateChatRequest { Customer = customer.Id, Application = await session.AnyApplicationIdAsync() });
        await client.CreateMessageAsync(new CreateMessageRequest { Chat = chat.Id, Text = "On it.", Agent = agent, Type = CreateMessageType.Message });
        await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chat.Id, Assignee = agent });
        DateTimeOffset until = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);
        await client.SnoozeChatAsync(new SnoozeChatRequest { Id = chat.Id, SnoozedUntil = until });
        await client.SnoozeChatAsync(new SnoozeChatRequest { Id = chat.Id, SnoozedUntil = null });
        await client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = chat.Id, Status = ChatStatus.Closed });
        await client.RateChatAsync(new RateChatRequest { Id = chat.Id, Rating = ChatRating.Great });
        await client.TagCustomerAsync(customer.Id, new TagCustomerRequest { Tags = [new Tag { Name = "vip" }] });
        await client.DeleteCustomerAsync(customer.Id);

        var events = new List<Receiver.HelpCrunchWebhookEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (events.LastOrDefault() is not Receiver.CustomerDeletedEvent)
        {
            events.Add(await received.Reader.ReadAsync(timeout.Token));
        }

        Assert.Equal(
            [
                "customer.new", "chat.new",
                "chat.status_updated", // the agent's message opened the empty chat
                "chat.assigned", "chat.snoozed", "chat.unsnoozed",
                "chat.status_updated", "chat.closed", "chat.rated",
                "customer.tags_changed", "customer.deleted",
            ],
            events.Select(e => e.Name));
        Assert.All(events, e => Assert.Equal(1, e.Attempts));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal("Webhook Walker", Assert.IsType<Receiver.CustomerNewEvent>(events[0]).Data.Name);
        Assert.All(events.OfType<Receiver.ChatNewEvent>().Concat<Receiver.HelpCrunchWebhookEvent>(events.OfType<Receiver.ChatAssignedEvent>()), e => Assert.Equal(chat.Id, ChatId(e)));
        Assert.Equal(until, Assert.Single(events.OfType<Receiver.ChatSnoozedEvent>()).Data.SnoozedUntil);
        Receiver.ChatClosedEvent closed = Assert.Single(events.OfType<Receiver.ChatClosedEvent>());
        Assert.NotNull(closed.Data.ClosedAt);
        Assert.Equal(Receiver.ChatRating.Great, Assert.Single(events.OfType<Receiver.ChatRatedEvent>()).Data.Rating);
        Assert.Equal(customer.Id, Assert.Single(events.OfType<Receiver.CustomerDeletedEvent>()).Data.Id);
        Assert.Equal(0, session.Emulator.Webhooks.Failed);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_and_a_tampered_delivery_is_refused()
    {
        // A receiver that fails the first delivery and keeps what it was sent, byte for byte.
        var deliveries = Channel.CreateUnbounded<(byte[] Body, string? Signature)>();
        int calls = 0;
        await using WebApplication receiver = await StartAsync(app => app.MapPost("/raw", async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            await deliveries.Writer.WriteAsync((buffer.ToArray(), context.Request.Headers[HelpCrunchWebhooks.SignatureHeader].ToString()));
            context.Response.StatusCode = Interlocked.Increment(ref calls) == 1 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        }));
        await using EmulatorSession session = await EmulatorSession.StartAsync(o =>
        {
            o.WebhookUrl = new Uri(receiver.Urls.Single() + "/raw");
            o.WebhookSigningKey = Key;
            o.WebhookRetryDelay = TimeSpan.FromMilliseconds(50);
        });

        Customer customer = await session.NewCustomerAsync("Retried");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (byte[] firstBody, string? firstSignature) = await deliveries.Reader.ReadAsync(timeout.Token);
        (byte[] retryBody, string? retrySignature) = await deliveries.Reader.ReadAsync(timeout.Token);

        var first = Assert.IsType<CustomerNewEvent>(HelpCrunchWebhooks.Parse(firstBody, firstSignature, Key));
        var retry = Assert.IsType<CustomerNewEvent>(HelpCrunchWebhooks.Parse(retryBody, retrySignature, Key));
        Assert.Equal(customer.Id, retry.Data.Id);
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(2, retry.Attempts);
        Assert.NotNull(retry.LastAttemptAt);

        byte[] tampered = retryBody.ToArray();
        int name = IndexOf(tampered, "Retried"u8);
        tampered[name] = (byte)'r';
        WebhookSignatureException refused = Assert.Throws<WebhookSignatureException>(() => HelpCrunchWebhooks.Parse(tampered, retrySignature, Key));
        Assert.Throws<WebhookSignatureException>(() => HelpCrunchWebhooks.Parse(retryBody, retrySignature, "another-key"));
        Assert.DoesNotContain(Key, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(retrySignature!, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Retried", refused.Message, StringComparison.Ordinal);

        // The receiver sample answers a tampered delivery with 401.
        await using WebApplication sample = await StartAsync(app => app.MapHelpCrunchWebhooks("/hooks", Key));
        using var http = new HttpClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, sample.Urls.Single() + "/hooks") { Content = new ByteArrayContent(tampered) };
        post.Headers.TryAddWithoutValidation(HelpCrunchWebhooks.SignatureHeader, retrySignature);
        using HttpResponseMessage response = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static long ChatId(Receiver.HelpCrunchWebhookEvent webhook) => webhook switch
    {
        Receiver.ChatNewEvent e => e.Data.Id,
        Receiver.ChatAssignedEvent e => e.Data.Id,
        _ => throw new ArgumentException(webhook.Name),
    };

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        int index = haystack.AsSpan().IndexOf(needle);
        Assert.True(index >= 0);
        return index;
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
