using System.Net;
using System.Text;
using HelpCrunchGen.Runtime;
using Ops.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>What operation plans do on the wire (Specs/operations.yaml): text results, DELETE bodies, 200/201, 2XX.</summary>
public sealed class OperationPlanTests
{
    [Fact]
    public async Task A_text_result_is_read_as_text_whatever_the_content_type()
    {
        var handler = new StubHandler(_ => Respond(HttpStatusCode.OK, "Ok", "application/json"));
        OpsClient client = Create(handler);

        string result = await client.UntagItemAsync(7, new UntagItemRequest { Tags = ["vip"] });

        Assert.Equal("Ok", result);
    }

    [Fact]
    public async Task A_text_result_that_is_not_utf8_is_an_ApiException()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x4F, 0xFF, 0xFE]) });
        OpsClient client = Create(handler);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.UntagItemAsync(7, new UntagItemRequest()));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("untagItem", error.OperationId);
    }

    [Fact]
    public async Task A_text_operation_failing_is_an_ApiException_with_its_codes()
    {
        var handler = new StubHandler(_ => Respond(HttpStatusCode.NotFound, """{"errors":[{"code":"item_not_found","message":"no"}]}""", "application/json"));
        OpsClient client = Create(handler);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.UntagItemAsync(7, new UntagItemRequest()));

        Assert.True(error.HasCode(OpsErrorCodes.ItemNotFound));
    }

    [Fact]
    public async Task A_body_on_DELETE_is_sent()
    {
        var handler = new StubHandler(_ => Respond(HttpStatusCode.OK, "Ok", "text/plain"));
        OpsClient client = Create(handler);

        await client.UntagItemAsync(7, new UntagItemRequest { Tags = ["vip", "new"] });

        Assert.Equal(HttpMethod.Delete, handler.Requests[0].Method);
        Assert.Equal("https://ops.example.com/api/items/7/tags", handler.Requests[0].Uri);
        Assert.Equal("""{"tags":["vip","new"]}""", handler.Requests[0].Body);
        Assert.Equal("application/json", handler.Requests[0].ContentType);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Created)]
    public async Task Both_200_and_201_are_success_with_one_result_type(HttpStatusCode status)
    {
        var handler = new StubHandler(_ => Respond(status, """{"id":5,"name":"five"}""", "application/json"));
        OpsClient client = Create(handler);

        Item item = await client.CreateItemAsync(new Item { Name = "five" });

        Assert.Equal(5, item.Id);
        Assert.Equal("five", item.Name);
    }

    [Fact]
    public async Task A_2xx_the_spec_does_not_list_is_not_success()
    {
        var handler = new StubHandler(_ => Respond(HttpStatusCode.Accepted, """{"id":5}""", "application/json"));
        OpsClient client = Create(handler);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.CreateItemAsync(new Item()));

        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData((HttpStatusCode)299)]
    public async Task A_2XX_range_makes_every_2xx_success(HttpStatusCode status)
    {
        var handler = new StubHandler(_ => Respond(status, """{"data":[],"total":0}""", "application/json"));
        OpsClient client = Create(handler);

        SearchItemsResponse page = await client.SearchItemsAsync(new SearchItemsRequest { Query = "a" });

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Object_and_map_query_parameters_are_sent_as_json_not_ToString()
    {
        var handler = new StubHandler(_ => Respond(HttpStatusCode.OK, """{"data":[]}""", "application/json"));
        OpsClient client = Create(handler);

        await client.ListItemsAsync(filter: new Filter { Name = "a b" }, labels: new Dictionary<string, string> { ["k"] = "v" });

        Assert.Equal("https://ops.example.com/api/items?filter=%7B%22name%22%3A%22a%20b%22%7D&labels=%7B%22k%22%3A%22v%22%7D", handler.Requests[0].Uri);
    }

    [Fact]
    public void Error_codes_are_one_class_with_each_code_once()
    {
        string[] names = typeof(OpsErrorCodes).GetFields().Select(f => f.Name).ToArray();

        Assert.Equal(["InvalidRequest", "InvalidFilter", "ItemNotFound"], names);
        Assert.Equal("invalid_request", OpsErrorCodes.InvalidRequest);
    }

    [Fact]
    public void Schemas_reached_only_from_error_responses_are_not_emitted_and_unreferenced_ones_are()
    {
        Type[] types = typeof(OpsClient).Assembly.GetTypes().Where(t => t.Namespace == "Ops.Api").ToArray();

        Assert.DoesNotContain(types, t => t.Name is "ErrorEnvelope" or "ErrorDetail");
        Assert.Contains(types, t => t.Name == "Unused");
        Assert.Contains(types, t => t.Name == "Filter");
    }

    internal static OpsClient Create(StubHandler handler) => new(new HttpClient(handler), new ApiClientOptions());

    internal static HttpResponseMessage Respond(HttpStatusCode status, string body, string contentType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    /// <summary>Answers each request with <paramref name="respond"/> and records what was sent.</summary>
    internal sealed class StubHandler(Func<RecordedRequest, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsoluteUri, body, request.Content?.Headers.ContentType?.MediaType);
            Requests.Add(recorded);
            return respond(recorded);
        }
    }

    internal sealed record RecordedRequest(HttpMethod Method, string Uri, string? Body, string? ContentType);
}
