using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HelpCrunch.Api;
using HelpCrunchGen.Runtime.Webhooks;

namespace HelpCrunchGen.Client.Tests;

/// <summary>The generated HelpCrunch webhook parser: signature first, then the envelope, then the event's typed data.</summary>
public sealed class WebhookTests
{
    private const string Key = "whsec-test-signing-key-7f3a";

    private const string ChatData = """{"id":5214000,"status":"closed","closedBy":"agent","closedAt":"1607542030.713","rating":"great","createdAt":"1607540767.414","snoozedUntil":"1606155714.000","applicationId":3,"communicatedAgents":[4188,17],"customer":{"id":77,"name":"Noah","email":"noah@example.com","userId":null},"department":{"id":9,"name":"Support"}}""";

    private const string CustomerData = """{"id":77,"name":"Noah","userId":"u-1","email":"noah@example.com","unsubscribed":true,"customData":{"plan":"pro","seats":3}}""";

    internal static byte[] Body(string eventName, string eventData, string extra = ""","attempts":2,"lastAttemptAt":1607542031,"createdAt":"1607542030.5","id":"evt-81f2" """) =>
        Encoding.UTF8.GetBytes($$"""{"event":"{{eventName}}","eventData":{{eventData}}{{extra}}}""");

    internal static string Sign(byte[] body, string key = Key) => Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), body));

    [Theory]
    [InlineData("chat.new", typeof(ChatNewEvent))]
    [InlineData("chat.status_updated", typeof(ChatStatusUpdatedEvent))]
    [InlineData("chat.assigned", typeof(ChatAssignedEvent))]
    [InlineData("chat.snoozed", typeof(ChatSnoozedEvent))]
    [InlineData("chat.unsnoozed", typeof(ChatUnsnoozedEvent))]
    [InlineData("chat.closed", typeof(ChatClosedEvent))]
    [InlineData("chat.rated", typeof(ChatRatedEvent))]
    public void Each_chat_event_is_its_own_type_with_the_chat_as_data(string name, Type expected)
    {
        byte[] body = Body(name, ChatData);

        HelpCrunchWebhookEvent parsed = HelpCrunchWebhooks.Parse(body, Sign(body), Key);

        Assert.IsType(expected, parsed);
        Assert.Equal(name, parsed.Name);
        Assert.Equal("evt-81f2", parsed.Id);
        Assert.Equal(2, parsed.Attempts);
        ChatWebhookData data = parsed switch
        {
            ChatNewEvent e => e.Data,
            ChatStatusUpdatedEvent e => e.Data,
            ChatAssignedEvent e => e.Data,
            ChatSnoozedEvent e => e.Data,
            ChatUnsnoozedEvent e => e.Data,
            ChatClosedEvent e => e.Data,
            ChatRatedEvent e => e.Data,
            _ => throw new InvalidOperationException(parsed.GetType().Name),
        };
        Assert.Equal(5214000, data.Id);
        Assert.Equal(ChatStatus.Closed, data.Status);
        Assert.Equal(ChatRating.Great, data.Rating);
        Assert.Equal([4188L, 17L], data.CommunicatedAgents);
        Assert.Equal(77, data.Customer!.Id);
        Assert.Equal("Support", data.Department!.Name);
    }

    [Theory]
    [InlineData("customer.new", typeof(CustomerNewEvent))]
    [InlineData("customer.email_updated", typeof(CustomerEmailUpdatedEvent))]
    [InlineData("customer.tags_changed", typeof(CustomerTagsChangedEvent))]
    [InlineData("customer.unsubscribed", typeof(CustomerUnsubscribedEvent))]
    [InlineData("customer.subscribed", typeof(CustomerSubscribedEvent))]
    [InlineData("customer.blocked", typeof(CustomerBlockedEvent))]
    [InlineData("customer.unblocked", typeof(CustomerUnblockedEvent))]
    [InlineData("customer.deleted", typeof(CustomerDeletedEvent))]
    public void Each_customer_event_is_its_own_type_with_the_customer_as_data(string name, Type expected)
    {
        byte[] body = Body(name, CustomerData);

        HelpCrunchWebhookEvent parsed = HelpCrunchWebhooks.Parse(body, Sign(body), Key);

        Assert.IsType(expected, parsed);
        CustomerWebhookData data = (CustomerWebhookData)parsed.GetType().GetProperty("Data")!.GetValue(parsed)!;
        Assert.Equal(77, data.Id);
        Assert.Equal("u-1", data.UserId);
        Assert.Equal("noah@example.com", data.Email);
        Assert.True(data.Unsubscribed);
        Assert.Equal("pro", data.CustomData!["plan"].GetString());
    }

    [Fact]
    public void Timestamps_are_read_as_fractional_strings_numbers_or_numeric_strings()
    {
        byte[] body = Body("chat.closed", ChatData, ""","attempts":1,"lastAttemptAt":"1607542031","createdAt":1607542030""");

        var closed = Assert.IsType<ChatClosedEvent>(HelpCrunchWebhooks.Parse(body, Sign(body), Key));

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1607542030_713), closed.Data.ClosedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1607540767_414), closed.Data.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1606155714), closed.Data.SnoozedUntil);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1607542031), closed.LastAttemptAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1607542030), closed.CreatedAt);
    }

    [Fact]
    public void An_event_the_spec_does_not_list_is_kept_raw_never_an_exception()
    {
        byte[] body = Body("message.chat.customer", """{"chat_id":5214000,"text":"hi"}""");

        var unknown = Assert.IsType<UnknownWebhookEvent>(HelpCrunchWebhooks.Parse(body, Sign(body), Key));

        Assert.Equal("message.chat.customer", unknown.Name);
        Assert.Equal(5214000, unknown.EventData.GetProperty("chat_id").GetInt32());
        Assert.Equal("hi", unknown.Envelope.EventData.GetProperty("text").GetString());
        Assert.Equal("evt-81f2", unknown.Id);
    }

    [Fact]
    public void The_signature_may_be_upper_case_hex_and_the_body_a_span()
    {
        byte[] body = Body("chat.new", ChatData);

        HelpCrunchWebhookEvent parsed = HelpCrunchWebhooks.Parse(body.AsSpan(), Sign(body).ToUpperInvariant(), Key);

        Assert.IsType<ChatNewEvent>(parsed);
    }

    public static TheoryData<string, string?, string, WebhookSignatureFailure> BadSignatures()
    {
        byte[] body = Body("chat.new", ChatData);
        string good = Sign(body);
        return new()
        {
            { "tampered body", good, Key, WebhookSignatureFailure.Mismatch },
            { "wrong key", good, "another-key", WebhookSignatureFailure.Mismatch },
            { "missing header", null, Key, WebhookSignatureFailure.Missing },
            { "empty header", "  ", Key, WebhookSignatureFailure.Missing },
            { "the documentation's sample (not hex)", "att73h99zvs9ipdmaj2rmr4oi5jhtwubs6q6tfwr", Key, WebhookSignatureFailure.Malformed },
            { "hex of the wrong length", good.Substring(2), Key, WebhookSignatureFailure.Malformed },
            { "an SHA-256 length", good + good.Substring(0, 24), Key, WebhookSignatureFailure.Malformed },
        };
    }

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public void A_bad_signature_is_refused_without_revealing_key_body_or_signature(string @case, string? signature, string key, WebhookSignatureFailure failure)
    {
        byte[] body = Body("chat.new", ChatData);
        if (@case == "tampered body")
        {
            body[body.Length - 2] ^= 1;
        }

        WebhookSignatureException error = Assert.Throws<WebhookSignatureException>(() => HelpCrunchWebhooks.Parse(body, signature, key));

        Assert.Equal(failure, error.Failure);
        Assert.Equal("X-HelpCrunch-Signature", error.HeaderName);
        Assert.Contains("X-HelpCrunch-Signature", error.Message);
        Assert.DoesNotContain(key, error.ToString());
        Assert.DoesNotContain("5214000", error.ToString());
        if (!string.IsNullOrWhiteSpace(signature))
        {
            Assert.DoesNotContain(signature.Substring(0, 8), error.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("{\"event\":\"chat.new\",")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"eventData\":{\"id\":1}}")]
    [InlineData("{\"event\":\"chat.new\",\"eventData\":null}")]
    [InlineData("{\"event\":\"chat.new\",\"eventData\":{\"status\":\"new\"}}")]
    [InlineData("{\"event\":\"chat.new\",\"eventData\":{\"id\":1},\"createdAt\":\"soon\"}")]
    public void A_signed_body_that_is_not_a_webhook_is_a_json_exception(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);

        Assert.Throws<JsonException>(() => HelpCrunchWebhooks.Parse(body, Sign(body), Key));
    }

    [Fact]
    public void Data_that_is_null_names_the_property()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"event\":\"customer.deleted\",\"eventData\":null}");

        JsonException error = Assert.Throws<JsonException>(() => HelpCrunchWebhooks.Parse(body, Sign(body), Key));

        Assert.Equal("$.eventData", error.Path);
    }

    [Fact]
    public void Bad_arguments_are_argument_exceptions()
    {
        byte[] body = Body("chat.new", ChatData);

        Assert.Throws<ArgumentException>(() => HelpCrunchWebhooks.Parse(body, Sign(body), ""));
        Assert.Throws<ArgumentException>(() => HelpCrunchWebhooks.Parse(body, Sign(body), null!));
        Assert.Throws<ArgumentNullException>(() => HelpCrunchWebhooks.Parse((byte[])null!, Sign(body), Key));
    }

    [Fact]
    public void The_signature_is_checked_before_the_body_is_read()
    {
        byte[] garbage = Encoding.UTF8.GetBytes("not json");

        Assert.Throws<WebhookSignatureException>(() => HelpCrunchWebhooks.Parse(garbage, Sign(garbage, "another-key"), Key));
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("0a", "0a", true)]
    [InlineData("0a", "0b", false)]
    [InlineData("0a0b", "0a", false)]
    [InlineData("800000000000000000000001", "800000000000000000000000", false)]
    public void Fixed_time_equality_compares_every_byte_and_the_length(string left, string right, bool equal)
    {
        Assert.Equal(equal, FixedTime.Equal(Convert.FromHexString(left), Convert.FromHexString(right)));
    }

    [Theory]
    [InlineData("00ff7A", true)]
    [InlineData("00ff7g", false)]
    [InlineData("00ff7", false)]
    [InlineData("0 ff7a", false)]
    public void Hex_decoding_takes_exactly_the_destination_in_either_case(string hex, bool valid)
    {
        Span<byte> destination = stackalloc byte[3];

        bool decoded = FixedTime.TryDecodeHex(hex, destination);

        Assert.Equal(valid, decoded);
        if (valid)
        {
            Assert.Equal(new byte[] { 0x00, 0xff, 0x7a }, destination.ToArray());
        }
    }
}
