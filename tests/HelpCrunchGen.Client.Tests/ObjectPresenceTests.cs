using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpCrunchGen.Runtime;
using Objects.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>"Not set" is not "null": a record sends its required properties and only the optional ones that were set (Specs/objects.yaml).</summary>
public sealed class ObjectPresenceTests
{
    private static readonly Person s_owner = new() { Id = 7 };

    internal static string Write(Ticket ticket) => JsonSerializer.Serialize(ticket, ObjectsApiJsonContext.Default.Ticket);

    internal static Ticket Read(string json) => JsonSerializer.Deserialize(json, ObjectsApiJsonContext.Default.Ticket)!;

    [Theory]
    [InlineData("""{"id":1,"owner":{"id":7},"label":null}""")]
    [InlineData("""{"id":1,"owner":{"id":7,"name":null},"label":"x","assignee":null,"dueAt":null}""")]
    [InlineData("""{"id":1,"owner":{"id":7,"name":"Ann"},"label":null,"assignee":4188,"note":"hi","dueAt":1603885746,"watchers":[{"id":2}],"tags":null,"customData":[{"property":"plan","value":"pro"}],"scores":[[1,null]],"limits":{"a":[1.5]}}""")]
    public void Reading_then_writing_gives_back_exactly_the_keys_and_values_it_had(string json)
    {
        string written = Write(Read(json));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void An_optional_property_set_to_null_is_sent_as_null()
    {
        string json = Write(new Ticket { Id = 1, Owner = s_owner, Label = "x", Assignee = null });

        Assert.Equal("""{"id":1,"owner":{"id":7},"label":"x","assignee":null}""", json);
    }

    [Fact]
    public void Optional_properties_not_set_are_left_out_and_required_ones_are_always_sent()
    {
        string json = Write(new Ticket { Id = 1, Owner = s_owner, Label = null });

        Assert.Equal("""{"id":1,"owner":{"id":7},"label":null}""", json);
    }

    [Fact]
    public void With_keeps_what_was_set_and_sets_what_it_names()
    {
        Ticket read = Read("""{"id":1,"owner":{"id":7},"label":"x","assignee":null}""");

        Ticket copy = read with { Note = "later", DueAt = null };

        Assert.Equal("""{"id":1,"owner":{"id":7},"label":"x","assignee":null,"note":"later","dueAt":null}""", Write(copy));
        Assert.Equal("""{"id":1,"owner":{"id":7},"label":"x","assignee":null}""", Write(read));
    }

    [Fact]
    public void Set_to_null_and_not_set_are_different_values()
    {
        var unset = new Ticket { Id = 1, Owner = s_owner, Label = null };
        var setToNull = new Ticket { Id = 1, Owner = s_owner, Label = null, Assignee = null };

        Assert.NotEqual(unset, setToNull);
        Assert.Equal(setToNull, Read(Write(setToNull)));
        Assert.Equal(unset, Read(Write(unset)));
        Assert.Equal(setToNull.GetHashCode(), Read(Write(setToNull)).GetHashCode());
    }

    [Fact]
    public void A_required_non_nullable_reference_that_is_null_is_an_argument_exception_and_nothing_is_written()
    {
        var ticket = new Ticket { Id = 1, Owner = null!, Label = null };
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);

        ArgumentException error = Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(writer, ticket, ObjectsApiJsonContext.Default.Ticket));

        Assert.Contains("Ticket.Owner", error.Message);
        writer.Flush();
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task The_client_sends_only_what_the_caller_set()
    {
        var handler = new CapturingHandler("""{"id":1,"owner":{"id":7},"label":null}""");
        var client = new ObjectsApi(new HttpClient(handler), new ApiClientOptions());

        Ticket result = await client.UpdateTicketAsync(new Ticket { Id = 1, Owner = s_owner, Label = null, Assignee = null });

        Assert.Equal("""{"id":1,"owner":{"id":7},"label":null,"assignee":null}""", handler.Body);
        Assert.Equal(new Ticket { Id = 1, Owner = s_owner, Label = null }, result);
    }

    private sealed class CapturingHandler(string response) : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response, Encoding.UTF8, "application/json") };
        }
    }
}
