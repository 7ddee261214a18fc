using System.Text.Json;
using System.Text.Json.Nodes;
using Objects.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>One-or-many lists, maps written as entries, nested collections and collections through the JSON context (Specs/objects.yaml).</summary>
public sealed class CollectionShapeTests
{
    private const string Head = """{"id":1,"owner":{"id":7},"label":null""";

    [Fact]
    public void A_single_object_where_a_list_is_expected_is_a_one_item_list_and_is_written_back_as_an_array()
    {
        Ticket ticket = ObjectPresenceTests.Read(Head + ""","watchers":{"id":2,"name":"Bo"}}""");

        Person watcher = Assert.Single(ticket.Watchers!);
        Assert.Equal(new Person { Id = 2, Name = "Bo" }, watcher);
        Assert.Equal(Head + ""","watchers":[{"id":2,"name":"Bo"}]}""", ObjectPresenceTests.Write(ticket));
    }

    [Fact]
    public void A_list_of_one_or_many_reads_an_array_too()
    {
        Ticket ticket = ObjectPresenceTests.Read(Head + ""","watchers":[{"id":2},{"id":3}],"tags":["a","b"]}""");

        Assert.Equal([2L, 3L], ticket.Watchers!.Select(w => w.Id));
        Assert.Equal(["a", "b"], ticket.Tags!);
    }

    [Fact]
    public void A_single_scalar_where_a_list_is_expected_is_a_one_item_list_and_null_stays_null()
    {
        Assert.Equal(["solo"], ObjectPresenceTests.Read(Head + ""","tags":"solo"}""").Tags!);
        Assert.Null(ObjectPresenceTests.Read(Head + ""","tags":null}""").Tags);
    }

    [Fact]
    public void A_bad_item_in_a_one_or_many_list_names_its_path()
    {
        JsonException error = Assert.Throws<JsonException>(() => ObjectPresenceTests.Read(Head + ""","watchers":[{"id":2},{"id":"x"}]}"""));

        Assert.Equal("$.watchers[1].id", error.Path);
    }

    [Fact]
    public void A_map_written_as_entries_reads_from_entries_and_from_a_plain_object()
    {
        Ticket fromEntries = ObjectPresenceTests.Read(Head + ""","customData":[{"property":"plan","value":"pro"},{"value":3,"property":"seats"}]}""");
        Ticket fromObject = ObjectPresenceTests.Read(Head + ""","customData":{"plan":"pro","seats":3}}""");

        foreach (Ticket ticket in new[] { fromEntries, fromObject })
        {
            Assert.Equal("pro", ticket.CustomData!["plan"].GetString());
            Assert.Equal(3, ticket.CustomData["seats"].GetInt32());
        }
    }

    [Fact]
    public void A_map_written_as_entries_is_sent_as_an_array_of_key_value_objects()
    {
        using JsonDocument value = JsonDocument.Parse("\"pro\"");
        var ticket = new Ticket { Id = 1, Owner = new Person { Id = 7 }, Label = null, CustomData = new Dictionary<string, JsonElement> { ["plan"] = value.RootElement } };

        Assert.Equal(Head + ""","customData":[{"property":"plan","value":"pro"}]}""", ObjectPresenceTests.Write(ticket));
    }

    [Theory]
    [InlineData("""[{"value":1}]""", "$.customData[0]")]
    [InlineData("""[{"property":"a"}]""", "$.customData[0]")]
    [InlineData("""[{"property":5,"value":1}]""", "$.customData[0].property")]
    [InlineData("""[1]""", "$.customData[0]")]
    public void A_malformed_map_entry_is_a_json_exception_at_its_path(string customData, string path)
    {
        JsonException error = Assert.Throws<JsonException>(() => ObjectPresenceTests.Read(Head + ""","customData":""" + customData + "}"));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Nested_lists_and_maps_of_lists_keep_their_nulls()
    {
        Ticket ticket = ObjectPresenceTests.Read(Head + ""","scores":[[1,null],[]],"limits":{"a":[1.5,2]}}""");

        Assert.Equal([1L, null], ticket.Scores![0]);
        Assert.Empty(ticket.Scores[1]);
        Assert.Equal([1.5, 2], ticket.Limits!["a"]);
    }

    [Fact]
    public void The_json_context_resolves_lists_read_only_lists_and_arrays_of_generated_types()
    {
        const string json = """[{"id":1},{"id":2,"name":null}]""";
        var context = ObjectsApiJsonContext.Default;

        var list = (List<Person>)JsonSerializer.Deserialize(json, context.GetTypeInfo(typeof(List<Person>), context.Options)!)!;
        var readOnly = (IReadOnlyList<Person>)JsonSerializer.Deserialize(json, context.GetTypeInfo(typeof(IReadOnlyList<Person>), context.Options)!)!;
        var array = (Person[])JsonSerializer.Deserialize(json, context.GetTypeInfo(typeof(Person[]), context.Options)!)!;

        Person[] expected = [new Person { Id = 1 }, new Person { Id = 2, Name = null }];
        Assert.Equal(expected, list);
        Assert.Equal(expected, readOnly);
        Assert.Equal(expected, array);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(array, context.Options))));
    }

    [Fact]
    public void The_json_context_resolves_collections_through_serializer_options()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new ObjectsApiJsonContext() };

        List<Ticket> tickets = JsonSerializer.Deserialize<List<Ticket>>("[" + Head + "}]", options)!;

        Assert.Equal(1, Assert.Single(tickets).Id);
        Assert.Null(new ObjectsApiJsonContext().GetTypeInfo(typeof(List<string>), options));
        Assert.Null(new ObjectsApiJsonContext().GetTypeInfo(typeof(Dictionary<string, Ticket>), options));
    }
}
