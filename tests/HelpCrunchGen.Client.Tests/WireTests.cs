using System.Net;
using System.Text;
using HelpCrunch.Api;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests;

/// <summary>The exact request the generated client puts on the wire, and how it treats odd responses.</summary>
public sealed class WireTests
{
    private const string ApiKey = "hc-test-key-0123456789";
    private const string ChatJson = """{"id":5214000,"status":"pending","createdAt":1592332351,"customer":{"id":8740457},"assignee":{"id":4188,"name":"Derek","email":"d@example.com","role":"admin"}}""";

    private static (HelpCrunchClient Client, CapturingHandler Handler) Create(string baseAddress, HttpStatusCode status = HttpStatusCode.OK, string body = ChatJson)
    {
        var handler = new CapturingHandler(status, body);
        var client = new HelpCrunchClient(new HttpClient(handler), new ApiClientOptions { BaseAddress = new Uri(baseAddress), ApiKey = ApiKey });
        return (client, handler);
    }

    [Theory]
    [InlineData("https://api.helpcrunch.com/v1")]
    [InlineData("https://api.helpcrunch.com/v1/")]
    public async Task Sends_put_to_the_path_under_the_base_with_bearer_key_and_json_body(string baseAddress)
    {
        (HelpCrunchClient client, CapturingHandler handler) = Create(baseAddress);

        await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });

        Assert.Equal(HttpMethod.Put, handler.Method);
        Assert.Equal("https://api.helpcrunch.com/v1/chats/assignee", handler.Uri!.ToString());
        Assert.Equal("Bearer " + ApiKey, handler.Authorization);
        Assert.Equal("application/json", handler.ContentType);
        Assert.Equal("""{"id":5214000,"assignee":4188}""", handler.Body);
    }

    [Fact]
    public async Task Unassign_sends_an_explicit_null()
    {
        (HelpCrunchClient client, CapturingHandler handler) = Create("https://api.helpcrunch.com/v1");

        await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = null });

        Assert.Equal("""{"id":5214000,"assignee":null}""", handler.Body);
    }

    [Fact]
    public async Task The_default_base_address_is_the_specs_first_server()
    {
        var handler = new CapturingHandler(HttpStatusCode.OK, ChatJson);
        var client = new HelpCrunchClient(new HttpClient(handler), new ApiClientOptions { ApiKey = ApiKey });

        await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 1, Assignee = 2 });

        Assert.Equal("https://api.helpcrunch.com/v1", HelpCrunchClient.DefaultBaseAddress);
        Assert.Equal("https://api.helpcrunch.com/v1/chats/assignee", handler.Uri!.ToString());
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            new HelpCrunchClient(new HttpClient(), new ApiClientOptions { BaseAddress = new Uri("http://api.helpcrunch.com/v1"), ApiKey = ApiKey }));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"id":"5214000"}""")]
    [InlineData("""{"id":5214000,"status":"pending""")]
    [InlineData("")]
    public async Task A_malformed_success_body_is_an_api_exception_with_the_json_error_inside(string body)
    {
        (HelpCrunchClient client, _) = Create("https://api.helpcrunch.com/v1", HttpStatusCode.OK, body);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 1, Assignee = 2 }));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.NotNull(error.InnerException);
        Assert.DoesNotContain(ApiKey, error.ToString());
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    [InlineData("""{"errors":"broken"}""")]
    public async Task An_error_body_that_is_not_the_envelope_keeps_the_status(string body)
    {
        (HelpCrunchClient client, _) = Create("https://api.helpcrunch.com/v1", HttpStatusCode.BadGateway, body);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 1, Assignee = 2 }));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Empty(error.Errors);
    }

    [Fact]
    public async Task Every_error_entry_is_kept()
    {
        (HelpCrunchClient client, _) = Create("https://api.helpcrunch.com/v1", HttpStatusCode.BadRequest, Examples.Read("common.error-400-generic-validation.json"));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 1, Assignee = 2 }));

        Assert.Equal(["invalid_request", "customer", "filter[0].field"], error.Errors.Select(e => e.Code));
        Assert.True(error.HasCode(HelpCrunchErrorCodes.InvalidRequest));
    }

    [Fact]
    public void The_api_key_never_appears_in_options_text()
    {
        var options = new ApiClientOptions { ApiKey = ApiKey };

        Assert.DoesNotContain(ApiKey, options.ToString());
    }

    /// <summary>Records the request and answers with a canned response.</summary>
    private sealed class CapturingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }

        public Uri? Uri { get; private set; }

        public string? Authorization { get; private set; }

        public string? ContentType { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Method = request.Method;
            Uri = request.RequestUri;
            Authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
            ContentType = request.Content?.Headers.ContentType?.MediaType;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
