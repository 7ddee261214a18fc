using System.Net;
using System.Text.Json;
using System.Web;
using Ops.Api;
using static HelpCrunchGen.Client.Tests.OperationPlanTests;

namespace HelpCrunchGen.Client.Tests;

/// <summary>The <c>…AllAsync</c> streams of x-paging operations (Specs/operations.yaml: maxLimit 3).</summary>
public sealed class PagingTests
{
    /// <summary>A server holding items 1..count that pages by the query's offset and limit (at most 3 per page).</summary>
    private static StubHandler QueryServer(int count, bool sendTotal = true) => new(request =>
    {
        var query = HttpUtility.ParseQueryString(new Uri(request.Uri).Query);
        int offset = int.Parse(query["offset"] ?? "0");
        int limit = Math.Min(int.Parse(query["limit"] ?? "3"), 3);
        var ids = Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, count - offset)));
        string data = string.Join(",", ids.Select(id => $$"""{"id":{{id}}}"""));
        string meta = sendTotal ? $$""","meta":{"total":{{count}}}""" : string.Empty;
        return Respond(HttpStatusCode.OK, $$"""{"data":[{{data}}]{{meta}}}""", "application/json");
    });

    [Fact]
    public async Task Pages_until_the_total_without_an_extra_request()
    {
        StubHandler handler = QueryServer(7);

        List<long?> ids = await Ids(Create(handler).ListItemsAllAsync());

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ids);
        Assert.Equal(
            ["items?offset=0&limit=3", "items?offset=3&limit=3", "items?offset=6&limit=3"],
            handler.Requests.Select(r => r.Uri.Substring("https://ops.example.com/api/".Length)));
    }

    [Fact]
    public async Task A_total_that_is_a_multiple_of_the_page_size_stops_at_the_total()
    {
        StubHandler handler = QueryServer(6);

        List<long?> ids = await Ids(Create(handler).ListItemsAllAsync());

        Assert.Equal(6, ids.Count);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Without_a_total_a_short_page_stops()
    {
        StubHandler handler = QueryServer(4, sendTotal: false);

        List<long?> ids = await Ids(Create(handler).ListItemsAllAsync());

        Assert.Equal([1, 2, 3, 4], ids);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Without_a_total_an_empty_page_stops()
    {
        StubHandler handler = QueryServer(6, sendTotal: false);

        List<long?> ids = await Ids(Create(handler).ListItemsAllAsync());

        Assert.Equal(6, ids.Count);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_page_size_above_the_maximum_is_lowered_and_a_smaller_one_kept()
    {
        StubHandler large = QueryServer(2);
        StubHandler small = QueryServer(3);

        await Ids(Create(large).ListItemsAllAsync(limit: 500));
        await Ids(Create(small).ListItemsAllAsync(limit: 2));

        Assert.EndsWith("limit=3", large.Requests[0].Uri);
        Assert.Equal(["items?offset=0&limit=2", "items?offset=2&limit=2"], small.Requests.Select(r => r.Uri.Substring("https://ops.example.com/api/".Length)));
    }

    [Fact]
    public async Task A_page_size_that_is_not_positive_is_an_ArgumentOutOfRangeException()
    {
        StubHandler handler = QueryServer(2);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ids(Create(handler).ListItemsAllAsync(limit: 0)));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_between_pages_stops_before_the_next_request()
    {
        StubHandler handler = QueryServer(9);
        using var cancellation = new CancellationTokenSource();
        var ids = new List<long?>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Item item in Create(handler).ListItemsAllAsync().WithCancellation(cancellation.Token))
            {
                ids.Add(item.Id);
                if (ids.Count == 3)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal([1, 2, 3], ids);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Body_paging_copies_the_request_with_each_offset_and_keeps_the_rest()
    {
        var handler = new StubHandler(request =>
        {
            using JsonDocument sent = JsonDocument.Parse(request.Body!);
            int offset = sent.RootElement.GetProperty("offset").GetInt32();
            string data = offset == 0 ? """[{"id":1},{"id":2}]""" : """[{"id":3}]""";
            return Respond(HttpStatusCode.OK, $$"""{"data":{{data}},"total":3}""", "application/json");
        });
        var search = new SearchItemsRequest { Query = "a", Limit = 2 };

        List<long?> ids = await Ids(Create(handler).SearchItemsAllAsync(search));

        Assert.Equal([1, 2, 3], ids);
        Assert.Equal(
            ["""{"query":"a","offset":0,"limit":2}""", """{"query":"a","offset":2,"limit":2}"""],
            handler.Requests.Select(r => Normalize(r.Body!)));
        Assert.Null(search.Offset);
    }

    [Fact]
    public async Task Body_paging_needs_a_body()
    {
        StubHandler handler = QueryServer(1);

        await Assert.ThrowsAsync<ArgumentNullException>(() => Ids(Create(handler).SearchItemsAllAsync(null!)));
    }

    private static async Task<List<long?>> Ids(IAsyncEnumerable<Item> items)
    {
        var ids = new List<long?>();
        await foreach (Item item in items)
        {
            ids.Add(item.Id);
        }

        return ids;
    }

    /// <summary>The sent JSON with keys in a fixed order, so the test does not depend on the writer's order.</summary>
    private static string Normalize(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        return $$"""{"query":{{root.GetProperty("query").GetRawText()}},"offset":{{root.GetProperty("offset").GetRawText()}},"limit":{{root.GetProperty("limit").GetRawText()}}}""";
    }
}
