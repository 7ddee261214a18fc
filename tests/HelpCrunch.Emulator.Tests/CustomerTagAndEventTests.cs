using System.Net;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>U9 tag, U10 untag (a JSON body on DELETE), U11 events.</summary>
public sealed class CustomerTagAndEventTests
{
    [Fact]
    public async Task Tagging_adds_new_tags_with_the_default_colour_and_recolours_existing_ones()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        // The docs' tag sample.
        var customer = await Api.JsonAsync(http, emulator, "PUT", $"/customers/{SeedData.JohnDoeId}/tags",
            "{\"tags\": [{\"name\": \"Lead\", \"color\": \"#ccc\"}, {\"name\": \"Black Friday\"}, {\"name\": \"VIP\", \"color\": \"#000\"}]}");

        var tags = customer.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString() + " " + t.GetProperty("color").GetString()).ToArray();
        Assert.Equal(new[] { "vip #000", "Lead #ccc", "Black Friday #c377e0" }, tags);
        Assert.Equal(3, emulator.Store.FindCustomer(SeedData.JohnDoeId)!.Tags.Count);
    }

    [Fact]
    public async Task Untagging_takes_a_json_body_on_delete()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var customer = await Api.JsonAsync(http, emulator, "DELETE", $"/customers/{SeedData.PriyaPatelId}/tags", "{\"tags\": [{\"name\": \"lead\"}, {\"name\": \"unknown\"}]}");

        Assert.Equal(new[] { "vip", "Paid" }, customer.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToArray());
        Assert.Equal(new[] { "vip", "Paid" }, emulator.Store.FindCustomer(SeedData.PriyaPatelId)!.Tags.Select(t => t.Name).ToArray());
    }

    [Theory]
    [InlineData("PUT", "{}")]
    [InlineData("PUT", "{\"tags\": []}")]
    [InlineData("DELETE", "{\"tags\": \"vip\"}")]
    [InlineData("DELETE", "{\"tags\": [{\"name\": \"\"}]}")]
    public async Task Bad_tag_body_is_400(string method, string body)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, method, $"/customers/{SeedData.JohnDoeId}/tags", body, HttpStatusCode.BadRequest, "invalid_request", ExpectedPath(body));
        Assert.Single(emulator.Store.FindCustomer(SeedData.JohnDoeId)!.Tags);
    }

    [Fact]
    public async Task Tagging_an_unknown_customer_is_404()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "PUT", "/customers/1/tags", "{\"tags\": [{\"name\": \"x\"}]}");

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "entity_not_found", "Customer not found");
    }

    [Fact]
    public async Task An_event_is_recorded_and_answered()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { TimeProvider = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1603885746)) });
        using var http = Api.CreateClient(emulator);

        // The docs' sample, for a seeded customer.
        var added = await Api.JsonAsync(http, emulator, "POST", "/events", $"{{\"name\": \"Button Click\", \"data\": {{\"button\": \"Start Free Trial\", \"clicks\": 2}}, \"customer\": {SeedData.NoahId}}}");

        Assert.Equal(new[] { "id", "name", "data", "createdAt", "customer" }, added.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Button Click", added.GetProperty("name").GetString());
        Assert.Equal(2, added.GetProperty("data").GetProperty("clicks").GetInt32());
        Assert.Equal("1603885746", added.GetProperty("createdAt").GetString());
        Assert.Equal(SeedData.NoahId, added.GetProperty("customer").GetInt32());
        Assert.Single(emulator.Store.GetEvents(SeedData.NoahId));
    }

    [Fact]
    public async Task An_event_of_an_unknown_customer_is_404_customer_not_found()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "POST", "/events", "{\"name\": \"Button Click\", \"customer\": 7830053}");

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "entity_not_found", "Customer not found");
    }

    [Theory]
    [InlineData("{\"customer\": 8740457}", "name")]
    [InlineData("{\"name\": \"x\", \"customer\": \"8740457\"}", "customer")]
    [InlineData("{\"name\": \"x\", \"customer\": 8740457, \"data\": [1]}", "data")]
    public async Task Bad_event_body_is_400(string body, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "POST", "/events", body, HttpStatusCode.BadRequest, "invalid_request", path);
    }

    private static string ExpectedPath(string body) => body.Contains("\"name\"") ? "tags[0].name" : "tags";
}
