using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpCrunch.Api;
using HelpCrunchGen.Client.Tests.Support;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// The HelpCrunch spec's typed search and its paging: a search written in C# puts the documented request on the
/// wire, and each list pages by its own total (<c>meta.total</c> or top-level <c>total</c>) or by its body.
/// </summary>
public sealed class HelpCrunchSearchAndPagingTests
{
    [Fact]
    public async Task A_default_enum_in_the_query_is_refused_and_nothing_is_sent()
    {
        var server = new StubServer(HttpStatusCode.OK, Examples.Read("get-chats.response.json"));
        HelpCrunchClient client = server.CreateClient();

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.ListChatsAsync(sort: default(ChatSortField)));
        await client.ListChatsAsync(sort: ChatSortField.CreatedAt, order: SortOrder.Desc);

        Assert.Contains("default(ChatSortField) has no wire value", error.Message);
        Assert.Equal(1, server.Calls);
        Assert.EndsWith($"/chats?sort={Uri.EscapeDataString(ChatSortField.CreatedAt.ToString())}&order=desc", server.Uri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_search_written_in_csharp_sends_the_documented_request()
    {
        var server = new StubServer(HttpStatusCode.OK, Examples.Read("get-chats.response.json"));
        using JsonDocument lead = JsonDocument.Parse("""[{"name": "Lead"}]""");

        await server.CreateClient().SearchChatsAsync(new SearchChatsRequest
        {
            Comparison = SearchComparison.And,
            Filter =
            [
                new() { Field = ChatSearchField.CustomerEmail, Operator = SearchOperator.EqualTo, Value = "John" },
                new() { Field = ChatSearchField.Assignee, Operator = SearchOperator.GreaterThan, Value = 18 },
                new() { Field = ChatSearchField.CreatedAt, Operator = SearchOperator.GreaterThanOrEqualTo, Value = DateTimeOffset.FromUnixTimeSeconds(1603885746) },
                new() { Field = ChatSearchField.Status, Operator = SearchOperator.EqualTo, Value = "John" },
                new() { Field = ChatSearchField.Rating, Operator = SearchOperator.EqualTo, Value = "John" },
                new() { Field = ChatSearchField.CustomerTagsData, Operator = SearchOperator.EqualTo, Value = lead.RootElement },
            ],
            Sort = ChatSortField.CreatedAt,
            Order = SortOrder.Desc,
            Offset = 0,
            Limit = 100,
        });

        JsonEquivalence.AssertEquivalent(Examples.Read("search-chats-multiple-filters.request.json"), server.RequestBody!);
    }

    [Fact]
    public void Sort_order_aliases_are_one_value_that_keeps_its_spelling()
    {
        SearchCustomersRequest request = JsonSerializer.Deserialize(Examples.Read("search-customers-single-filter.request.json"), HelpCrunchJsonContext.Default.SearchCustomersRequest)!;

        Assert.Equal(SortOrder.Desc, request.Order);
        Assert.Equal(SortOrderKind.Desc, request.Order!.Value.Kind);
        Assert.Equal("DESC", request.Order.ToString());
        Assert.Equal(SearchOperator.Contains, request.Filter[0].Operator);
        Assert.Equal(CustomerSearchField.Email, request.Filter[0].Field);
    }

    [Fact]
    public async Task Listing_chats_pages_by_offset_until_meta_total()
    {
        var server = new PagingServer(total: 250, (items, total) => new JsonObject { ["data"] = items, ["meta"] = new JsonObject { ["total"] = total } });

        List<Chat> chats = await ToListAsync(server.CreateClient().ListChatsAllAsync(order: SortOrder.Asc));

        Assert.Equal(Enumerable.Range(0, 250).Select(i => (long)i), chats.Select(c => c.Id));
        Assert.Equal(["/v1/chats?order=asc&offset=0&limit=100", "/v1/chats?order=asc&offset=100&limit=100", "/v1/chats?order=asc&offset=200&limit=100"], server.Requests);
    }

    [Fact]
    public async Task Listing_messages_stops_at_the_top_level_total_even_when_pages_are_full()
    {
        var server = new PagingServer(total: 200, (items, total) => new JsonObject { ["data"] = items, ["total"] = total }, item: MessageJson);

        List<Message> messages = await ToListAsync(server.CreateClient().ListMessagesAllAsync(5214000, limit: 500));

        Assert.Equal(200, messages.Count);
        Assert.Equal(["/v1/chats/5214000/messages?offset=0&limit=100", "/v1/chats/5214000/messages?offset=100&limit=100"], server.Requests);
    }

    [Fact]
    public async Task Searching_customers_pages_through_the_request_body()
    {
        var server = new PagingServer(total: 12, (items, total) => new JsonObject { ["data"] = items, ["total"] = total }, item: CustomerJson);
        SearchCustomersRequest search = JsonSerializer.Deserialize(Examples.Read("search-customers-single-filter.request.json"), HelpCrunchJsonContext.Default.SearchCustomersRequest)!;

        List<Customer> customers = await ToListAsync(server.CreateClient().SearchCustomersAllAsync(search));

        Assert.Equal(12, customers.Count);
        Assert.Equal([(0, 5), (5, 5), (10, 5)], server.Bodies.Select(b => ((int)b["offset"]!, (int)b["limit"]!)));
        Assert.All(server.Bodies, b => Assert.Equal("DESC", (string?)b["order"]));
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_enumeration()
    {
        var server = new PagingServer(total: 1000, (items, total) => new JsonObject { ["data"] = items, ["total"] = total }, item: CustomerJson);
        using var cancellation = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Customer customer in server.CreateClient().ListCustomersAllAsync(cancellationToken: cancellation.Token))
            {
                if (++seen == 100)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(100, seen);
        Assert.Single(server.Requests);
    }

    private static JsonObject MessageJson(int id) => new() { ["id"] = id, ["type"] = "message", ["text"] = "hi", ["createdAt"] = "1594139170.913", ["chat"] = 5214000, ["from"] = "customer" };

    private static JsonObject CustomerJson(int id) => new() { ["id"] = id, ["name"] = "Customer " + id };

    private static JsonObject ChatJson(int id) => new() { ["id"] = id, ["status"] = "on-hold", ["createdAt"] = 1592332351, ["customer"] = new JsonObject { ["id"] = 1 } };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Serves <c>total</c> generated items by <c>offset</c>/<c>limit</c>, from the query or from the JSON body.</summary>
    private sealed class PagingServer(int total, Func<JsonArray, int, JsonObject> envelope, Func<int, JsonObject>? item = null) : HttpMessageHandler
    {
        private readonly Func<int, JsonObject> _item = item ?? ChatJson;

        public List<string> Requests { get; } = [];

        public List<JsonObject> Bodies { get; } = [];

        public HelpCrunchClient CreateClient() =>
            new(new HttpClient(this), new ApiClientOptions { BaseAddress = new Uri("https://api.helpcrunch.com/v1"), ApiKey = StubServer.ApiKey });

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!.PathAndQuery);
            int offset;
            int limit;
            if (request.Content is not null)
            {
                JsonObject body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                Bodies.Add(body);
                (offset, limit) = ((int)body["offset"]!, (int)body["limit"]!);
            }
            else
            {
                var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
                (offset, limit) = (int.Parse(query["offset"]!), int.Parse(query["limit"]!));
            }

            var items = new JsonArray();
            for (int i = offset; i < Math.Min(total, offset + limit); i++)
            {
                items.Add(_item(i));
            }

            string json = envelope(items, total).ToJsonString();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
