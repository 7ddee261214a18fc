using System.Text.Json;
using HelpCrunch.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>Reading is tolerant where the real API is messy and strict where it must be.</summary>
public sealed class TolerantReadingTests
{
    private const string MinimalChat = """{"id":1,"status":"new","createdAt":1603885746,"customer":{"id":2}""";

    private static Chat ReadChat(string extra) =>
        JsonSerializer.Deserialize(MinimalChat + extra + "}", HelpCrunchJsonContext.Default.Chat)!;

    [Theory]
    [InlineData("1603864800", 1603864800_000)]
    [InlineData("\"1603864800\"", 1603864800_000)]
    [InlineData("\"1603864800.000\"", 1603864800_000)]
    [InlineData("\"1594139170.913\"", 1594139170_913)]
    [InlineData("\"1594139170.9\"", 1594139170_900)]
    [InlineData("\"1594139170.91371\"", 1594139170_913)]
    public void Unix_time_reads_as_number_numeric_string_or_fractional_string(string wire, long expectedMilliseconds)
    {
        Chat chat = ReadChat($",\"snoozedUntil\":{wire}");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds), chat.SnoozedUntil);
    }

    [Fact]
    public void Unix_time_is_written_as_seconds_keeping_the_milliseconds_it_was_read_with()
    {
        Chat chat = ReadChat(",\"snoozedUntil\":\"1603864800.750\"");

        string json = JsonSerializer.Serialize(chat, HelpCrunchJsonContext.Default.Chat);

        Assert.Contains("\"snoozedUntil\":1603864800.75,", json);
        Assert.Contains("\"createdAt\":1603885746", json);
    }

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("\"12a\"")]
    [InlineData("\"1.2.3\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("{}")]
    public void A_malformed_timestamp_is_a_json_exception_naming_the_property(string wire)
    {
        JsonException error = Assert.Throws<JsonException>(() => ReadChat($",\"snoozedUntil\":{wire}"));

        Assert.Equal("$.snoozedUntil", error.Path);
    }

    [Fact]
    public void Unknown_properties_are_skipped()
    {
        Chat chat = ReadChat(",\"brandNew\":{\"deep\":[1,2,{\"x\":null}]},\"notes\":\"old field\"");

        Assert.Equal(1, chat.Id);
    }

    [Fact]
    public void Unknown_enum_values_are_kept_losslessly_and_written_back()
    {
        Chat chat = JsonSerializer.Deserialize("""{"id":1,"status":"archived-v2","createdAt":1,"customer":{"id":2}}""", HelpCrunchJsonContext.Default.Chat)!;

        Assert.Equal("archived-v2", chat.Status.ToString());
        Assert.False(chat.Status.IsKnown);
        Assert.NotEqual(ChatStatus.New, chat.Status);
        Assert.Equal(new ChatStatus("archived-v2"), chat.Status);
        Assert.Contains("\"status\":\"archived-v2\"", JsonSerializer.Serialize(chat, HelpCrunchJsonContext.Default.Chat));
    }

    [Fact]
    public void Known_enum_values_compare_equal_to_their_members()
    {
        Chat chat = ReadChat(",\"rating\":\"very poor\"");

        Assert.Equal(ChatRating.VeryPoor, chat.Rating);
        Assert.True(chat.Rating!.Value.IsKnown);
        Assert.True(ChatStatus.NoCommunication == "no communication");
    }

    [Theory]
    [InlineData("""{"id":"1","status":"new","createdAt":1,"customer":{"id":2}}""", "$.id")]
    [InlineData("""{"id":1,"status":5,"createdAt":1,"customer":{"id":2}}""", "$.status")]
    [InlineData("""{"id":1,"status":"new","createdAt":1,"customer":{"id":"x"}}""", "$.customer.id")]
    [InlineData("""{"id":1,"status":"new","createdAt":1,"customer":{"id":2},"agents":[{"id":1},{"id":true}]}""", "$.agents[1].id")]
    [InlineData("""{"id":1,"status":"new","createdAt":1,"customer":{"id":2},"readByAgent":"yes"}""", "$.readByAgent")]
    [InlineData("""{"id":1,"status":"new","createdAt":1,"customer":null}""", "$.customer")]
    [InlineData("""{"id":1,"status":"new","createdAt":1,"customer":{"id":2},"assignee":{"id":3,"role":7}}""", "$.assignee.role")]
    public void A_wrong_token_type_is_a_json_exception_whose_path_names_the_property(string json, string path)
    {
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, HelpCrunchJsonContext.Default.Chat));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_missing_required_property_is_a_json_exception()
    {
        JsonException error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"id":1,"createdAt":1,"customer":{"id":2}}""", HelpCrunchJsonContext.Default.Chat));

        Assert.Contains("'status'", error.Message);
    }

    [Fact]
    public void Null_is_accepted_where_the_spec_allows_it()
    {
        Chat chat = ReadChat(",\"closedAt\":null,\"assignee\":null,\"rating\":null,\"lastMessageText\":null");

        Assert.Null(chat.Assignee);
        Assert.Null(chat.ClosedAt);
    }

    [Fact]
    public void Request_writes_null_assignee_to_unassign()
    {
        var request = new UpdateChatAssigneeRequest { Id = 5214000, Assignee = null };

        Assert.Equal("""{"id":5214000,"assignee":null}""", JsonSerializer.Serialize(request, HelpCrunchJsonContext.Default.UpdateChatAssigneeRequest));
    }

    [Fact]
    public void The_context_resolves_generated_types_for_options_based_serialization()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = HelpCrunchJsonContext.Default };

        var request = new UpdateChatAssigneeRequest { Id = 1, Assignee = 4188 };

        Assert.Equal("""{"id":1,"assignee":4188}""", JsonSerializer.Serialize(request, options));
        Assert.Null(HelpCrunchJsonContext.Default.GetTypeInfo(typeof(string), options));
    }
}
