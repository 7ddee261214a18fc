using System.Net;
using System.Text;
using HelpCrunch.WebhookReceiver;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Receiver = HelpCrunch.WebhookReceiver.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>The receiver sample's endpoint, hosted on a loopback port of its own: 200 for a signed webhook, 401 otherwise.</summary>
public sealed class WebhookReceiverTests : IAsyncLifetime
{
    private const string Key = "receiver-test-key-91c0";

    private readonly List<Receiver.HelpCrunchWebhookEvent> _received = [];
    private WebApplication? _app;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapHelpCrunchWebhooks("/hooks", Key, (webhook, _) =>
        {
            lock (_received)
            {
                _received.Add(webhook);
            }

            return Task.CompletedTask;
        });
        await _app.StartAsync();
        string address = _app.Urls.Single(); // the port the server bound, once started
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private Task<HttpResponseMessage> PostAsync(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-HelpCrunch-Signature", signature);
        }

        return _http!.SendAsync(request);
    }

    [Fact]
    public async Task A_signed_webhook_is_200_and_handled_as_its_typed_event()
    {
        byte[] body = WebhookTests.Body("chat.assigned", """{"id":5214000,"customer":{"id":77}}""");

        using HttpResponseMessage response = await PostAsync(body, WebhookTests.Sign(body, Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assigned = Assert.IsType<Receiver.ChatAssignedEvent>(Assert.Single(_received));
        Assert.Equal(5214000, assigned.Data.Id);
        Assert.Equal(2, assigned.Attempts);
    }

    [Fact]
    public async Task An_unknown_event_is_still_200()
    {
        byte[] body = WebhookTests.Body("message.chat.customer", """{"chat_id":1}""");

        using HttpResponseMessage response = await PostAsync(body, WebhookTests.Sign(body, Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<Receiver.UnknownWebhookEvent>(Assert.Single(_received));
    }

    [Theory]
    [InlineData("wrong key")]
    [InlineData("no header")]
    [InlineData("not hex")]
    public async Task A_bad_signature_is_401_and_not_handled(string @case)
    {
        byte[] body = WebhookTests.Body("chat.new", """{"id":1}""");
        string? signature = @case switch
        {
            "wrong key" => WebhookTests.Sign(body, "another-key"),
            "no header" => null,
            _ => "att73h99zvs9ipdmaj2rmr4oi5jhtwubs6q6tfwr",
        };

        using HttpResponseMessage response = await PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_webhook_is_400()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"event\":\"chat.new\"");

        using HttpResponseMessage response = await PostAsync(body, WebhookTests.Sign(body, Key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        byte[] body = new byte[WebhookEndpoints.MaxBodyBytes + 1];

        using HttpResponseMessage response = await PostAsync(body, WebhookTests.Sign(body, Key));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
