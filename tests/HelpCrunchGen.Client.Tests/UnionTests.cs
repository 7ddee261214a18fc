using System.Net;
using System.Text;
using System.Text.Json;
using Enums.Api;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// A scalar union (a oneOf of primitives and arrays, Specs/enums.yaml): a filter value takes a number, a string, a
/// bool, a DateTimeOffset (sent as Unix seconds) or any JSON, is written as that JSON and reads back equal.
/// </summary>
public sealed class UnionTests
{
    public static TheoryData<string, FilterValue, string> Values() => new()
    {
        { "an int", 18, "18" },
        { "a long", 5_000_000_000L, "5000000000" },
        { "a double", 1.5, "1.5" },
        { "a string", "John", "\"John\"" },
        { "a string to escape", "say \"hi\"", "\"say \\u0022hi\\u0022\"" },
        { "a bool", true, "true" },
        { "false", false, "false" },
        { "a DateTimeOffset", DateTimeOffset.FromUnixTimeSeconds(1603885746), "1603885746" },
        { "a DateTimeOffset with a fraction", DateTimeOffset.FromUnixTimeMilliseconds(1603885746_999), "1603885746" },
        { "an array", Json("""[{"name":"Lead"}]"""), """[{"name":"Lead"}]""" },
        { "null", Json("null"), "null" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_filter_value_is_written_as_its_json_and_reads_back_equal(string what, FilterValue value, string json)
    {
        var filter = new Filter { Field = "age", Value = value };

        string written = JsonSerializer.Serialize(filter, EnumsJsonContext.Default.Filter);
        Filter read = JsonSerializer.Deserialize(written, EnumsJsonContext.Default.Filter)!;

        Assert.True($$"""{"field":"age","value":{{json}}}""" == written, what + ": " + written);
        Assert.Equal(value, read.Value);
        Assert.Equal(value.GetHashCode(), read.Value.GetHashCode());
        Assert.Equal(json, read.Value.ToString());
    }

    [Fact]
    public void Assignments_read_naturally()
    {
        Filter[] filters =
        [
            new() { Field = "age", Value = 18 },
            new() { Field = "name", Value = "John" },
            new() { Field = "blocked", Value = true },
            new() { Field = "lastSeen", Value = DateTimeOffset.FromUnixTimeSeconds(1603885746) },
            new() { Field = "tags", Value = Json("""[{"name":"Lead"}]""") },
        ];

        string json = JsonSerializer.Serialize(new SearchRequest { Filter = filters }, EnumsJsonContext.Default.SearchRequest);

        Assert.Equal(
            """{"filter":[{"field":"age","value":18},{"field":"name","value":"John"},{"field":"blocked","value":true},{"field":"lastSeen","value":1603885746},{"field":"tags","value":[{"name":"Lead"}]}]}""",
            json);
    }

    [Fact]
    public async Task The_client_sends_the_values_in_the_request_body()
    {
        var handler = new CapturingHandler();
        var client = new EnumsClient(new HttpClient(handler), new ApiClientOptions { ApiKey = "enums-test-key-0123456789" });

        IReadOnlyList<Ticket> tickets = await client.SearchTicketsAsync(new SearchRequest { Filter = [new Filter { Field = "status", Value = "on-hold" }, new Filter { Field = "id", Value = 7 }] });

        Assert.Equal("""{"filter":[{"field":"status","value":"on-hold"},{"field":"id","value":7}]}""", handler.Body);
        Assert.Equal(TicketStatus.OnHold, Assert.Single(tickets).Status);
    }

    [Theory]
    [InlineData("1.50")]
    [InlineData("\"\\u0041\"")]
    [InlineData("""{"op":"~","v":[1,2]}""")]
    public void A_value_read_is_kept_and_written_back_as_sent(string json)
    {
        Filter read = JsonSerializer.Deserialize($$"""{"field":"x","value":{{json}}}""", EnumsJsonContext.Default.Filter)!;

        Assert.Equal(json, read.Value.ToString());
        Assert.Contains($"\"value\":{json}", JsonSerializer.Serialize(read, EnumsJsonContext.Default.Filter));
    }

    [Fact]
    public void Equality_is_by_json_text()
    {
        Assert.Equal<FilterValue>(18, 18L);
        Assert.Equal<FilterValue>(18, 18.0); // the double 18 is written as 18
        Assert.NotEqual<FilterValue>(18, Json("18.0"));
        Assert.NotEqual<FilterValue>(18, "18");
        Assert.True((FilterValue)"John" == Json("\"John\""));
        Assert.True((FilterValue)true != false);
    }

    [Fact]
    public void A_value_outlives_the_document_it_came_from()
    {
        FilterValue value;
        using (JsonDocument document = JsonDocument.Parse("""{"a":[1,2]}"""))
        {
            value = document.RootElement.GetProperty("a");
        }

        Assert.Equal("[1,2]", value.ToString());
        Assert.Equal(JsonValueKind.Array, value.Element.ValueKind);
    }

    [Fact]
    public void Values_json_cannot_hold_are_argument_errors()
    {
        Assert.Throws<ArgumentNullException>(() => (FilterValue)(string)null!);
        Assert.Throws<ArgumentException>(() => (FilterValue)double.NaN);
        Assert.Throws<ArgumentException>(() => (FilterValue)double.PositiveInfinity);
    }

    [Fact]
    public void The_default_value_is_defined_but_never_written()
    {
        FilterValue none = default;

        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(JsonValueKind.Undefined, none.Element.ValueKind);
        Assert.Equal(none, (FilterValue)default(JsonElement));
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(new Filter { Field = "x", Value = none }, EnumsJsonContext.Default.Filter));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""[{"id":3,"status":"on-hold"}]""", Encoding.UTF8, "application/json") };
        }
    }
}
