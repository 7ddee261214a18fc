using System.Net;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>U1–U8: list, get, create, PUT (replace) vs PATCH (update), batch, delete.</summary>
public sealed class CustomerTests
{
    private static readonly string[] CustomerFields =
    {
        "id", "name", "email", "userId", "company", "phone", "firstSeen", "lastSeen", "location", "device", "unsubscribed",
        "blocked", "source", "referer", "lastPage", "locale", "createdFrom", "integrationId", "notes", "tags", "customData",
    };

    [Fact]
    public async Task List_has_a_top_level_total_and_sorts_by_last_seen()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var list = await Api.JsonAsync(http, emulator, "GET", "/customers?sort=customers.lastSeen&order=DESC&limit=3");

        Assert.Equal(new[] { "data", "total" }, list.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(10, list.GetProperty("total").GetInt32());
        Assert.Equal(emulator.Store.GetCustomers().OrderByDescending(c => c.LastSeen).Take(3).Select(c => c.Id), Api.Ids(list));
    }

    [Fact]
    public async Task Get_returns_the_customer_model()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var customer = await Api.JsonAsync(http, emulator, "GET", $"/customers/{SeedData.JohnDoeId}");

        Assert.Equal(CustomerFields, customer.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("1590000000", customer.GetProperty("firstSeen").GetString());
        Assert.Equal("Kyiv", customer.GetProperty("location").GetProperty("city").GetString());
        Assert.Equal("desktop", customer.GetProperty("device").GetProperty("platform").GetString());
        Assert.Equal("vip", customer.GetProperty("tags")[0].GetProperty("name").GetString());
        Assert.Equal(15, customer.GetProperty("customData").GetProperty("number_of_payments").GetInt32());
        Assert.Equal(15.99m, customer.GetProperty("customData").GetProperty("last_paid_amount").GetDecimal());
    }

    [Fact]
    public async Task Get_unknown_customer_is_404_entity_not_found()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await http.GetAsync(Api.Url(emulator, "/customers/1"));

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "entity_not_found", "Customer not found");
    }

    [Fact]
    public async Task Create_takes_the_docs_sample_and_answers_the_customer()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        // The docs' create-customer sample (string firstSeen, customData as entries), plus a tag without colour and the old flat city.
        var customer = await Api.JsonAsync(http, emulator, "POST", "/customers", """
            {"name": "John Doe", "email": "[email protected]", "userId": "user_1234567890", "company": "Example Inc.", "phone": "+10233456781",
             "firstSeen": "1603885746", "source": "https://example.com", "locale": "uk", "createdFrom": "telegram", "integrationId": "465847687",
             "notes": "Lorem ipsum", "city": "Kyiv",
             "tags": [{"name": "vip", "color": "#ff0000"}, {"name": "new"}],
             "customData": [{"property": "subscription_status", "value": "active"}, {"property": "number_of_payments", "value": 15},
                            {"property": "last_payment_was_successful", "value": true}]}
            """);

        int id = customer.GetProperty("id").GetInt32();
        Assert.Equal("1603885746", customer.GetProperty("firstSeen").GetString());
        Assert.Equal("Kyiv", customer.GetProperty("location").GetProperty("city").GetString());
        Assert.Equal("#c377e0", customer.GetProperty("tags")[1].GetProperty("color").GetString());
        Assert.Equal("active", customer.GetProperty("customData").GetProperty("subscription_status").GetString());
        Assert.True(customer.GetProperty("customData").GetProperty("last_payment_was_successful").GetBoolean());
        Assert.Equal("user_1234567890", emulator.Store.FindCustomer(id)!.UserId);
        Assert.Equal(11, emulator.Store.GetCustomers().Count);
    }

    [Fact]
    public async Task Create_with_a_taken_user_id_is_400_invalid_user_id_value()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "POST", "/customers", "{\"name\": \"Copy\", \"userId\": \"myusers_4188\"}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_userId_value", "A customer with this userId already exists");
        Assert.Equal(10, emulator.Store.GetCustomers().Count);
    }

    [Theory]
    [InlineData("{\"name\": 5}", "name")]
    [InlineData("{\"firstSeen\": \"yesterday\"}", "firstSeen")]
    [InlineData("{\"unsubscribed\": \"no\"}", "unsubscribed")]
    [InlineData("{\"tags\": [{\"color\": \"#fff\"}]}", "tags[0].name")]
    [InlineData("{\"customData\": {\"plan\": \"pro\"}}", "customData")]
    [InlineData("{\"customData\": [{\"value\": 1}]}", "customData[0].property")]
    [InlineData("[]", "body")]
    public async Task Create_with_a_bad_field_is_400_naming_it(string body, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "POST", "/customers", body, HttpStatusCode.BadRequest, "invalid_request", path);
        Assert.Equal(10, emulator.Store.GetCustomers().Count);
    }

    [Fact]
    public async Task Put_sets_every_field_it_does_not_mention_to_null()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var customer = await Api.JsonAsync(http, emulator, "PUT", $"/customers/{SeedData.JohnDoeId}", "{\"name\": \"John D.\", \"notes\": \"Replaced\"}");

        Assert.Equal("John D.", customer.GetProperty("name").GetString());
        Assert.Equal("Replaced", customer.GetProperty("notes").GetString());
        foreach (string name in new[] { "email", "userId", "company", "phone", "firstSeen", "lastSeen", "source" })
        {
            Assert.Equal(JsonValueKind.Null, customer.GetProperty(name).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, customer.GetProperty("location").GetProperty("city").ValueKind);
        Assert.False(customer.TryGetProperty("locale", out _));
        Assert.Equal(0, customer.GetProperty("tags").GetArrayLength());
        Assert.Empty(customer.GetProperty("customData").EnumerateObject());
        Assert.Null(emulator.Store.FindCustomer(SeedData.JohnDoeId)!.Email);
    }

    [Fact]
    public async Task Patch_changes_only_what_is_sent_and_null_clears()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        var before = emulator.Store.FindCustomer(SeedData.JohnDoeId)!;

        var customer = await Api.JsonAsync(http, emulator, "PATCH", $"/customers/{SeedData.JohnDoeId}",
            "{\"name\": \"John D.\", \"company\": null, \"lastSeen\": 1700000000, \"customData\": [{\"property\": \"number_of_payments\", \"value\": 16}, {\"property\": \"plan\", \"value\": \"pro\"}]}");

        Assert.Equal("John D.", customer.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("company").ValueKind);
        Assert.Equal("1700000000", customer.GetProperty("lastSeen").GetString());
        Assert.Equal(before.Email, customer.GetProperty("email").GetString());
        Assert.Equal(before.Phone, customer.GetProperty("phone").GetString());
        Assert.Equal("vip", customer.GetProperty("tags")[0].GetProperty("name").GetString());
        var data = customer.GetProperty("customData");
        Assert.Equal(16, data.GetProperty("number_of_payments").GetInt32());
        Assert.Equal("pro", data.GetProperty("plan").GetString());
        Assert.Equal("active", data.GetProperty("subscription_status").GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Changing_an_unknown_customer_is_404(string method)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, method, "/customers/1", "{\"name\": \"x\"}", HttpStatusCode.NotFound, "invalid_request", "not_found");
    }

    [Fact]
    public async Task Batch_updates_each_customer_like_patch()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        // The docs' batch sample, with seeded ids.
        var updated = await Api.JsonAsync(http, emulator, "PUT", "/customers/batch", $$"""
            [{"customer": {{SeedData.NoahId}}, "name": "Jason Mason", "company": "OWL", "phone": "+19293945832", "locale": "en", "city": "London"},
             {"customer": {{SeedData.OliverSmithId}}, "phone": "+13195942443"}]
            """);

        Assert.Equal(2, updated.GetArrayLength());
        var noah = emulator.Store.FindCustomer(SeedData.NoahId)!;
        Assert.Equal(("Jason Mason", "OWL", "London", "noah@example.com"), (noah.Name, noah.Company, noah.City, noah.Email));
        var oliver = emulator.Store.FindCustomer(SeedData.OliverSmithId)!;
        Assert.Equal(("+13195942443", "Oliver Smith"), (oliver.Phone, oliver.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task Batch_of_zero_or_eleven_is_400(int count)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);
        string body = "[" + string.Join(",", Enumerable.Repeat($"{{\"customer\": {SeedData.NoahId}, \"name\": \"x\"}}", count)) + "]";

        await Api.AssertCodesAsync(http, emulator, "PUT", "/customers/batch", body, HttpStatusCode.BadRequest, "invalid_request", "body");
        Assert.Equal("Noah", emulator.Store.FindCustomer(SeedData.NoahId)!.Name);
    }

    [Fact]
    public async Task Batch_of_ten_is_accepted()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        string body = "[" + string.Join(",", emulator.Store.GetCustomers().Select(c => $"{{\"customer\": {c.Id}, \"notes\": \"batch\"}}")) + "]";

        var updated = await Api.JsonAsync(http, emulator, "PUT", "/customers/batch", body);

        Assert.Equal(10, updated.GetArrayLength());
        Assert.All(emulator.Store.GetCustomers(), c => Assert.Equal("batch", c.Notes));
    }

    [Fact]
    public async Task Batch_with_an_unknown_customer_changes_nothing()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "PUT", "/customers/batch", $"[{{\"customer\": {SeedData.NoahId}, \"name\": \"x\"}}, {{\"customer\": 1, \"name\": \"y\"}}]");

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "entity_not_found", "Customer not found");
        Assert.Equal("Noah", emulator.Store.FindCustomer(SeedData.NoahId)!.Name);
    }

    [Theory]
    [InlineData("{\"customer\": 8740457}", "body")]
    [InlineData("[{\"name\": \"x\"}]", "[0].customer")]
    [InlineData("[{\"customer\": 8740457}, 5]", "[1]")]
    [InlineData("[{\"customer\": 8740457, \"email\": 5}]", "[0].email")]
    public async Task Batch_with_a_bad_item_is_400_naming_it(string body, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "PUT", "/customers/batch", body, HttpStatusCode.BadRequest, "invalid_request", path);
    }

    [Fact]
    public async Task Delete_answers_the_text_ok_and_takes_the_chats_along()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "DELETE", $"/customers/{SeedData.NoahId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Ok", await response.Content.ReadAsStringAsync());
        Assert.Null(emulator.Store.FindCustomer(SeedData.NoahId));
        Assert.DoesNotContain(emulator.Store.GetChats(), c => c.CustomerId == SeedData.NoahId);
        Assert.Empty(emulator.Store.GetMessages(SeedData.PendingUnassignedChatId));
        using var gone = await http.GetAsync(Api.Url(emulator, $"/customers/{SeedData.NoahId}"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Delete_unknown_is_404_not_found()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "DELETE", "/customers/1");

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found", "Customer not found");
    }
}
