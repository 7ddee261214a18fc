using System.Net;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>M1 GET /chats/{id}/messages and M2 POST /messages.</summary>
public sealed class MessageTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1700000000913);

    [Fact]
    public async Task Listing_is_newest_first_with_a_top_level_total()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var list = await Api.JsonAsync(http, emulator, "GET", $"/chats/{SeedData.ClosedChatId}/messages");

        Assert.Equal(new[] { "data", "total" }, list.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.Equal(new[] { 8712004, 8712003, 8712002, 8712001 }, Api.Ids(list));
        var newest = list.GetProperty("data")[0];
        Assert.Equal("agent", newest.GetProperty("from").GetString());
        Assert.Equal(SeedData.NickGracheskuId, newest.GetProperty("agent").GetProperty("id").GetInt32());
        Assert.Equal("1600266120.000", newest.GetProperty("createdAt").GetString());
        Assert.Equal(SeedData.ClosedChatId, newest.GetProperty("chat").GetInt32());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("data")[1].GetProperty("agent").ValueKind);
        Assert.Equal("customer", list.GetProperty("data")[1].GetProperty("from").GetString());
    }

    [Fact]
    public async Task Listing_pages_with_offset_and_limit()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var page = await Api.JsonAsync(http, emulator, "GET", $"/chats/{SeedData.ClosedChatId}/messages?offset=1&limit=2");
        var empty = await Api.JsonAsync(http, emulator, "GET", $"/chats/{SeedData.EmptyChatId}/messages");

        Assert.Equal(new[] { 8712003, 8712002 }, Api.Ids(page));
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Empty(Api.Ids(empty));
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Listing_an_unknown_chat_is_404()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await http.GetAsync(Api.Url(emulator, "/chats/1/messages"));

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "chat_not_found", "Chat is missing");
    }

    [Fact]
    public async Task An_agent_message_updates_the_chat_and_comes_first_in_the_list()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { TimeProvider = new ManualTimeProvider(Now) });
        using var http = Api.CreateClient(emulator);

        // The docs' request sample, in a seeded chat.
        var message = await Api.JsonAsync(http, emulator, "POST", "/messages",
            "{\"chat\": 5214000, \"text\": \"Can you can a can as a canner can can a can?\", \"markdownText\": \"Can you can a **can**\", \"agent\": 4188, \"type\": \"message\"}");

        int id = message.GetProperty("id").GetInt32();
        Assert.Equal("Can you can a **can**", message.GetProperty("text").GetString()); // the markdown ends up in text
        Assert.Equal("1700000000.913", message.GetProperty("createdAt").GetString());
        Assert.Equal("agent", message.GetProperty("from").GetString());
        Assert.Equal("Derek Swanson", message.GetProperty("agent").GetProperty("name").GetString());

        var chat = emulator.Store.FindChat(5214000)!;
        Assert.Equal(id, chat.LastMessageId);
        Assert.Equal("Can you can a **can**", chat.LastMessageText);
        Assert.Equal(Now, chat.LastMessageAt);
        Assert.Equal(4188, chat.LastCommunicatedAgentId);
        Assert.Equal(new[] { 4188 }, chat.AgentIds);
        Assert.True(chat.ReadByAgent);
        Assert.False(chat.ReadByCustomer);
        Assert.NotEqual(Now, chat.LastCustomerMessageAt);

        var list = await Api.JsonAsync(http, emulator, "GET", "/chats/5214000/messages");
        Assert.Equal(id, Api.Ids(list)[0]);
        Assert.Equal(3, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_customer_message_turns_an_empty_chat_new()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { TimeProvider = new ManualTimeProvider(Now) });
        using var http = Api.CreateClient(emulator);

        await Api.JsonAsync(http, emulator, "POST", "/messages", $"{{\"chat\": {SeedData.EmptyChatId}, \"text\": \"Hello\", \"type\": \"message\"}}");

        var chat = await Api.JsonAsync(http, emulator, "GET", $"/chats/{SeedData.EmptyChatId}");
        Assert.Equal("new", chat.GetProperty("status").GetString());
        Assert.Equal("Hello", chat.GetProperty("lastMessageText").GetString());
        Assert.Equal("1700000000", chat.GetProperty("lastCustomerMessageAt").GetString());
        Assert.False(chat.GetProperty("readByAgent").GetBoolean());
    }

    [Fact]
    public async Task A_private_note_does_not_become_the_last_message()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        var before = emulator.Store.FindChat(5214000)!;

        var note = await Api.JsonAsync(http, emulator, "POST", "/messages", "{\"chat\": 5214000, \"text\": \"VIP, be nice\", \"type\": \"private\", \"agent\": 6691}");

        Assert.Equal("private", note.GetProperty("type").GetString());
        var after = emulator.Store.FindChat(5214000)!;
        Assert.Equal(before.LastMessageId, after.LastMessageId);
        Assert.Empty(after.AgentIds);
    }

    [Fact]
    public async Task Unknown_chat_is_404_chat_is_missing_and_unknown_agent_404_agent_not_found()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var noChat = await Api.SendAsync(http, emulator, "POST", "/messages", "{\"chat\": 1, \"text\": \"x\", \"type\": \"message\", \"agent\": 1}");
        using var noAgent = await Api.SendAsync(http, emulator, "POST", "/messages", "{\"chat\": 5214000, \"text\": \"x\", \"type\": \"message\", \"agent\": 1}");

        await Api.AssertErrorAsync(noChat, HttpStatusCode.NotFound, "chat_not_found", "Chat is missing");
        await Api.AssertErrorAsync(noAgent, HttpStatusCode.NotFound, "entity_not_found", "Agent not found");
        Assert.Equal(2, emulator.Store.GetMessages(5214000).Count);
    }

    [Theory]
    [InlineData("{\"chat\": \"5214000\", \"text\": \"x\", \"type\": \"message\"}")]
    [InlineData("{\"text\": \"x\", \"type\": \"message\"}")]
    public async Task Bad_chat_id_is_400_invalid_chat_id(string body)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "POST", "/messages", body);

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_chat_value", "Invalid chat ID");
    }

    [Theory]
    [InlineData("{\"chat\": 5214000, \"type\": \"message\"}", "text")]
    [InlineData("{\"chat\": 5214000, \"text\": \" \", \"type\": \"message\"}", "text")]
    [InlineData("{\"chat\": 5214000, \"text\": \"x\", \"type\": \"email\"}", "type")]
    [InlineData("{\"chat\": 5214000, \"text\": \"x\"}", "type")]
    [InlineData("{\"chat\": 5214000, \"text\": \"x\", \"type\": \"private\"}", "agent")]
    [InlineData("{\"chat\": 5214000, \"text\": \"x\", \"type\": \"message\", \"agent\": \"4188\"}", "agent")]
    public async Task Bad_message_body_is_400_naming_the_field(string body, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "POST", "/messages", body, HttpStatusCode.BadRequest, "invalid_request", path);
        Assert.Equal(2, emulator.Store.GetMessages(5214000).Count);
    }
}
