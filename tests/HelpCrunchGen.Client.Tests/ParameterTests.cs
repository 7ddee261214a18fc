using System.Net;
using HelpCrunchGen.Runtime;
using Params.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>Path, query and header parameters reach the wire formatted invariantly and escaped (Specs/parameters.yaml).</summary>
public sealed class ParameterTests
{
    private static (ParamsApi Client, RecordingHandler Handler) Create(HttpStatusCode status = HttpStatusCode.OK, string body = """{"total":3}""")
    {
        var handler = new RecordingHandler(status, body);
        return (new ParamsApi(new HttpClient(handler), new ApiClientOptions()), handler);
    }

    [Fact]
    public async Task Path_query_and_header_values_are_escaped_and_in_order()
    {
        (ParamsApi client, RecordingHandler handler) = Create();

        ListMessagesResponse page = await client.ListMessagesAsync(
            42,
            "a b/c?d",
            limit: 10,
            search: "x&y=z ü",
            since: DateTimeOffset.FromUnixTimeSeconds(1603885746),
            tag: ["vip", "new customer"],
            xTraceId: "trace-1");

        Assert.Equal(3, page.Total);
        Assert.Equal(
            "https://params.example.com/api/chats/42/messages/a%20b%2Fc%3Fd?limit=10&search=x%26y%3Dz%20%C3%BC&since=1603885746&tag=vip&tag=new%20customer",
            handler.Request!.RequestUri!.AbsoluteUri);
        Assert.Equal("trace-1", handler.Request.Headers.GetValues("X-Trace-Id").Single());
    }

    [Fact]
    public async Task Scalar_union_parameters_send_strings_as_text_and_numbers_as_digits()
    {
        (ParamsApi client, RecordingHandler handler) = Create(HttpStatusCode.NoContent, string.Empty);

        await client.GetChangelogAsync("v 1/2", version: 2.5);
        Assert.Equal("https://params.example.com/api/changelogs/v%201%2F2?version=2.5", handler.Request!.RequestUri!.AbsoluteUri);

        await client.GetChangelogAsync(17, version: "beta");
        Assert.Equal("https://params.example.com/api/changelogs/17?version=beta", handler.Request!.RequestUri!.AbsoluteUri);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetChangelogAsync(default(GetChangelogIdentifier)));
    }

    [Fact]
    public async Task Optional_parameters_left_out_are_not_sent()
    {
        (ParamsApi client, RecordingHandler handler) = Create();

        await client.ListMessagesAsync(1, "s");

        Assert.Equal("https://params.example.com/api/chats/1/messages/s", handler.Request!.RequestUri!.AbsoluteUri);
        Assert.False(handler.Request.Headers.Contains("X-Trace-Id"));
    }

    [Fact]
    public async Task An_operation_without_a_response_body_completes_on_its_listed_status()
    {
        (ParamsApi client, RecordingHandler handler) = Create(HttpStatusCode.NoContent, string.Empty);

        await client.DeleteMessagesAsync(7, "old");

        Assert.Equal(HttpMethod.Delete, handler.Request!.Method);
    }

    [Fact]
    public async Task A_2xx_the_spec_does_not_list_is_not_success()
    {
        (ParamsApi client, _) = Create(HttpStatusCode.Accepted, string.Empty);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.DeleteMessagesAsync(7, "old"));

        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
    }

    [Fact]
    public void The_client_name_comes_from_metadata_and_the_interface_follows_it()
    {
        IParamsApi client = new ParamsApi(new HttpClient(), new ApiClientOptions());

        Assert.NotNull(client);
        Assert.Equal("https://params.example.com/api", ParamsApi.DefaultBaseAddress);
    }

    private sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }
    }
}
