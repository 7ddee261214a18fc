using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>Signed webhooks (docs §6) posted to a receiver hosted in the test, retried on failure.</summary>
public sealed class WebhookTests
{
    private const string Key = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task An_assignment_posts_a_signed_chat_assigned_envelope()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await StartAsync(receiver);
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 4188}");
        var webhook = await receiver.NextAsync();

        string expected = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Key), webhook.Body));
        Assert.Equal(expected, webhook.Signature);
        Assert.Equal("application/json", webhook.ContentType);

        var envelope = Parse(webhook);
        Assert.Equal(new[] { "event", "eventData", "attempts", "lastAttemptAt", "createdAt", "id" }, envelope.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("chat.assigned", envelope.GetProperty("event").GetString());
        Assert.Equal(1, envelope.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Number, envelope.GetProperty("createdAt").ValueKind);
        Assert.Equal(JsonValueKind.Number, envelope.GetProperty("lastAttemptAt").ValueKind);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - envelope.GetProperty("createdAt").GetInt64(), 0, 60);
        Assert.False(string.IsNullOrEmpty(envelope.GetProperty("id").GetString()));

        var data = envelope.GetProperty("eventData");
        Assert.Equal(5214000, data.GetProperty("id").GetInt32());
        Assert.Equal("pending", data.GetProperty("status").GetString());
        Assert.Equal(4188, data.GetProperty("assignee").GetProperty("id").GetInt32());
        Assert.Equal("1592332351.000", data.GetProperty("createdAt").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("closedAt").ValueKind);
        Assert.Equal(8740457, data.GetProperty("customer").GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Array, data.GetProperty("communicatedAgents").ValueKind);
        Assert.Equal(SeedData.ApplicationId, data.GetProperty("applicationId").GetInt32());
    }

    [Fact]
    public async Task A_tampered_body_no_longer_matches_the_signature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await StartAsync(receiver);
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 4188}");
        var webhook = await receiver.NextAsync();
        byte[] tampered = webhook.Body.ToArray();
        tampered[^2] ^= 1;

        Assert.NotEqual(webhook.Signature, Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Key), tampered)));
        Assert.NotEqual(webhook.Signature, Convert.ToHexStringLower(HMACSHA1.HashData("another key"u8, webhook.Body)));
    }

    [Fact]
    public async Task Closing_posts_status_updated_then_closed_with_fractional_string_times()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1607542030713));
        await using var emulator = await StartAsync(receiver, o => o.TimeProvider = clock);
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "PUT", "/chats/status", "{\"id\": 5214000, \"status\": \"closed\"}");
        var updated = Parse(await receiver.NextAsync());
        var closed = Parse(await receiver.NextAsync());

        Assert.Equal("chat.status_updated", updated.GetProperty("event").GetString());
        Assert.Equal("chat.closed", closed.GetProperty("event").GetString());
        Assert.Equal("1607542030.713", closed.GetProperty("eventData").GetProperty("closedAt").GetString());
        Assert.Equal("agent", closed.GetProperty("eventData").GetProperty("closedBy").GetString());
        Assert.Equal(1607542030, closed.GetProperty("createdAt").GetInt64());
        Assert.NotEqual(updated.GetProperty("id").GetString(), closed.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Every_chat_change_raises_its_event_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await StartAsync(receiver);
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "POST", "/chats", "{\"customer\": 8738438, \"application\": 1042}", System.Net.HttpStatusCode.Created);
        await Api.JsonAsync(http, emulator, "PUT", "/chats/snooze", "{\"id\": 5214000, \"snoozedUntil\": 1606155714}");
        await Api.JsonAsync(http, emulator, "PUT", "/chats/snooze", "{\"id\": 5214000, \"snoozedUntil\": null}");
        await Api.JsonAsync(http, emulator, "PUT", "/chats/rate", $"{{\"id\": {SeedData.ClosedUnratedChatId}, \"rating\": \"great\"}}");
        await Api.JsonAsync(http, emulator, "PUT", "/chats/department", "{\"id\": 5214000, \"department\": 233046}"); // no event for this one
        await Api.JsonAsync(http, emulator, "PUT", "/chats/status", "{\"id\": 5214000, \"status\": \"opened\"}");

        var events = new List<JsonElement>();
        for (int i = 0; i < 5; i++)
        {
            events.Add(Parse(await receiver.NextAsync()));
        }

        Assert.Equal(new[] { "chat.new", "chat.snoozed", "chat.unsnoozed", "chat.rated", "chat.status_updated" }, events.Select(e => e.GetProperty("event").GetString()).ToArray());
        Assert.Equal("empty", events[0].GetProperty("eventData").GetProperty("status").GetString());
        Assert.Equal("1606155714.000", events[1].GetProperty("eventData").GetProperty("snoozedUntil").GetString());
        Assert.Equal(JsonValueKind.Null, events[2].GetProperty("eventData").GetProperty("snoozedUntil").ValueKind);
        Assert.Equal("great", events[3].GetProperty("eventData").GetProperty("rating").GetString());
        Assert.Equal("opened", events[4].GetProperty("eventData").GetProperty("status").GetString());
        Assert.True(await receiver.NothingMoreAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Customer_events_carry_the_documented_customer_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await StartAsync(receiver);
        using var http = Api.CreateClient(emulator);

        var created = await Api.JsonAsync(http, emulator, "POST", "/customers", "{\"name\": \"Ada\", \"email\": \"ada@example.com\", \"userId\": \"u-1\", \"customData\": [{\"property\": \"plan\", \"value\": \"pro\"}]}");
        int id = created.GetProperty("id").GetInt32();
        await Api.JsonAsync(http, emulator, "PUT", $"/customers/{id}/tags", "{\"tags\": [{\"name\": \"vip\"}]}");
        await Api.JsonAsync(http, emulator, "PATCH", $"/customers/{id}", "{\"email\": \"ada@new.example.com\"}");
        using (await Api.SendAsync(http, emulator, "DELETE", $"/customers/{id}"))
        {
        }

        var events = new List<JsonElement>();
        for (int i = 0; i < 4; i++)
        {
            events.Add(Parse(await receiver.NextAsync()));
        }

        Assert.Equal(new[] { "customer.new", "customer.tags_changed", "customer.email_updated", "customer.deleted" }, events.Select(e => e.GetProperty("event").GetString()).ToArray());
        var data = events[0].GetProperty("eventData");
        Assert.Equal(new[] { "id", "name", "userId", "email", "unsubscribed", "customData" }, data.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(id, data.GetProperty("id").GetInt32());
        Assert.Equal("u-1", data.GetProperty("userId").GetString());
        Assert.False(data.GetProperty("unsubscribed").GetBoolean());
        Assert.Equal("pro", data.GetProperty("customData").GetProperty("plan").GetString());
        Assert.Equal("ada@new.example.com", events[2].GetProperty("eventData").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_attempts_incremented_and_the_same_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        await using var emulator = await StartAsync(receiver);
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 4188}");
        var first = await receiver.NextAsync();
        var retry = await receiver.NextAsync();

        var a = Parse(first);
        var b = Parse(retry);
        Assert.Equal(1, a.GetProperty("attempts").GetInt32());
        Assert.Equal(2, b.GetProperty("attempts").GetInt32());
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal(a.GetProperty("createdAt").GetInt64(), b.GetProperty("createdAt").GetInt64());
        Assert.True(b.GetProperty("lastAttemptAt").GetInt64() >= a.GetProperty("lastAttemptAt").GetInt64());
        Assert.Equal(a.GetProperty("eventData").GetRawText(), b.GetProperty("eventData").GetRawText());
        Assert.Equal(Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Key), retry.Body)), retry.Signature);
        await WaitUntilAsync(() => emulator.Webhooks.Delivered == 1);
        Assert.Equal(2, emulator.Webhooks.Attempts);
        Assert.Equal(0, emulator.Webhooks.Failed);
    }

    [Fact]
    public async Task A_webhook_is_given_up_after_the_last_attempt_and_the_next_one_still_goes()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503, 404);
        await using var emulator = await StartAsync(receiver, o => o.WebhookMaxAttempts = 3);
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 4188}");
        await Api.JsonAsync(http, emulator, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": null}");

        var attempts = new List<JsonElement>();
        for (int i = 0; i < 4; i++)
        {
            attempts.Add(Parse(await receiver.NextAsync()));
        }

        Assert.Equal(new[] { 1, 2, 3, 1 }, attempts.Select(e => e.GetProperty("attempts").GetInt32()).ToArray());
        Assert.Equal(JsonValueKind.Null, attempts[3].GetProperty("eventData").GetProperty("assignee").ValueKind);
        await WaitUntilAsync(() => emulator.Webhooks.Delivered == 1);
        Assert.Equal(1, emulator.Webhooks.Failed);
        Assert.Equal(4, emulator.Webhooks.Attempts);
    }

    [Fact]
    public async Task An_unreachable_receiver_counts_as_a_failure()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { WebhookUrl = url, WebhookMaxAttempts = 2, WebhookRetryDelay = TimeSpan.FromMilliseconds(10) });
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 4188}");

        await WaitUntilAsync(() => emulator.Webhooks.Failed == 1);
        Assert.Equal(2, emulator.Webhooks.Attempts);
        Assert.Equal(0, emulator.Webhooks.Delivered);
    }

    [Fact]
    public async Task Without_a_key_a_random_hex_key_is_generated_and_used()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var a = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { WebhookUrl = receiver.Url });
        await using var b = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { WebhookUrl = receiver.Url });
        using var http = Api.CreateClient(a);

        await Api.JsonAsync(http, a, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 4188}");
        var webhook = await receiver.NextAsync();

        Assert.Matches("^[0-9a-f]{40}$", a.WebhookSigningKey);
        Assert.NotEqual(a.WebhookSigningKey, b.WebhookSigningKey);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(a.WebhookSigningKey), webhook.Body)), webhook.Signature);
    }

    [Fact]
    public async Task Without_a_url_nothing_is_sent()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 4188}");

        Assert.Equal(0, emulator.Webhooks.Attempts);
    }

    [Fact]
    public async Task Bad_webhook_options_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { WebhookUrl = new Uri("ftp://127.0.0.1/hooks") }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { WebhookSigningKey = " " }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { WebhookMaxAttempts = 0 }));
    }

    private static Task<HelpCrunchEmulator> StartAsync(WebhookReceiver receiver, Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { WebhookUrl = receiver.Url, WebhookSigningKey = Key, WebhookRetryDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        return HelpCrunchEmulator.StartAsync(options);
    }

    private static JsonElement Parse(ReceivedWebhook webhook)
    {
        using var document = JsonDocument.Parse(webhook.Body);
        return document.RootElement.Clone();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the webhook counters.");
            await Task.Delay(10);
        }
    }
}
