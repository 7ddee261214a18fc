using System.Net;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>C1 GET /chats, C2 GET /chats/{id}, C4 POST /chats.</summary>
public sealed class ChatReadTests
{
    [Fact]
    public async Task List_returns_every_chat_by_id_with_meta_total()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var list = await Api.JsonAsync(http, emulator, "GET", "/chats");

        Assert.Equal(new[] { "data", "meta" }, list.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(10, list.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(emulator.Store.GetChats().Select(c => c.Id).ToArray(), Api.Ids(list));
    }

    [Fact]
    public async Task Offset_and_limit_page_the_list_and_the_total_stays()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        int[] all = emulator.Store.GetChats().Select(c => c.Id).ToArray();

        var page = await Api.JsonAsync(http, emulator, "GET", "/chats?offset=3&limit=4");
        var last = await Api.JsonAsync(http, emulator, "GET", "/chats?offset=8&limit=100");
        var beyond = await Api.JsonAsync(http, emulator, "GET", "/chats?offset=50");

        Assert.Equal(all.Skip(3).Take(4), Api.Ids(page));
        Assert.Equal(all.Skip(8), Api.Ids(last));
        Assert.Empty(Api.Ids(beyond));
        Assert.Equal(10, beyond.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/chats?limit=0", "limit")]
    [InlineData("/chats?limit=101", "limit")]
    [InlineData("/chats?limit=ten", "limit")]
    [InlineData("/chats?offset=-1", "offset")]
    [InlineData("/chats?sort=chats.id", "sort")]
    [InlineData("/chats?order=up", "order")]
    [InlineData("/customers?limit=0", "limit")]
    [InlineData("/customers?limit=101", "limit")]
    [InlineData("/customers?sort=chats.createdAt", "sort")]
    [InlineData("/agents?limit=101", "limit")]
    [InlineData("/departments?limit=0", "limit")]
    [InlineData("/chats/5214000/messages?limit=101", "limit")]
    public async Task Bad_paging_or_sort_is_400_naming_the_parameter(string path, string parameter)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        var errors = await Api.AssertCodesAsync(http, emulator, "GET", path, null, HttpStatusCode.BadRequest, "invalid_request", parameter);

        Assert.Contains("This value", errors[1].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("ASC")]
    [InlineData("Asc")]
    public async Task Sort_ascending_in_either_case_puts_nulls_first(string order)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var list = await Api.JsonAsync(http, emulator, "GET", $"/chats?sort=chats.closedAt&order={order}");

        var expected = emulator.Store.GetChats().OrderBy(c => c.ClosedAt).ThenBy(c => c.Id).Select(c => c.Id);
        Assert.Equal(expected, Api.Ids(list));
        Assert.Equal(SeedData.ClosedChatId, Api.Ids(list)[7]); // the earliest of the three closed chats
    }

    [Theory]
    [InlineData("desc")]
    [InlineData("DESC")]
    public async Task Sort_descending_in_either_case(string order)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var byCreated = await Api.JsonAsync(http, emulator, "GET", $"/chats?sort=chats.createdAt&order={order}");
        var byLastCustomer = await Api.JsonAsync(http, emulator, "GET", $"/chats?sort=lastCustomerMessageAt&order={order}&limit=2");

        Assert.Equal(emulator.Store.GetChats().OrderByDescending(c => c.CreatedAt).Select(c => c.Id), Api.Ids(byCreated));
        Assert.Equal(new[] { SeedData.PendingMarketingChatId, SeedData.ClosedWithoutAgentMessageChatId }, Api.Ids(byLastCustomer));
    }

    [Fact]
    public async Task Get_returns_the_bare_chat()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var chat = await Api.JsonAsync(http, emulator, "GET", "/chats/5217453");

        Assert.Equal(5217453, chat.GetProperty("id").GetInt32());
        Assert.Equal("on hold", chat.GetProperty("status").GetString());
        Assert.Equal("mateus", chat.GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_unknown_chat_is_404_chat_not_found()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await http.GetAsync(Api.Url(emulator, "/chats/1"));

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "chat_not_found", "Chat not found");
    }

    [Fact]
    public async Task Create_answers_201_with_an_empty_chat_and_stores_it()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1700000000));
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var http = Api.CreateClient(emulator);

        // The docs' request sample, with the seeded department and application.
        var chat = await Api.JsonAsync(http, emulator, "POST", "/chats",
            $"{{\"customer\": 8738438, \"assignee\": 4188, \"department\": {SeedData.SupportDepartmentId}, \"application\": {SeedData.ApplicationId}}}", HttpStatusCode.Created);

        int id = chat.GetProperty("id").GetInt32();
        Assert.Equal(SeedData.PendingMarketingChatId + 1, id);
        Assert.Equal("empty", chat.GetProperty("status").GetString());
        Assert.Equal("public_api", chat.GetProperty("createdWith").GetString());
        Assert.Equal("1700000000", chat.GetProperty("createdAt").GetString());
        Assert.Equal(4188, chat.GetProperty("assignee").GetProperty("id").GetInt32());
        Assert.Equal("Support", chat.GetProperty("department").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, chat.GetProperty("lastMessageId").ValueKind);
        Assert.Equal(8738438, emulator.Store.FindChat(id)!.CustomerId);
    }

    [Theory]
    [InlineData("{\"application\": 1042}", "customer")]
    [InlineData("{\"customer\": 8738438}", "application")]
    [InlineData("{\"customer\": \"8738438\", \"application\": 1042}", "customer")]
    [InlineData("{\"customer\": 1, \"application\": 1042}", "customer")]
    [InlineData("{\"customer\": 8738438, \"application\": 1}", "application")]
    [InlineData("{\"customer\": 8738438, \"application\": 1042, \"assignee\": 1}", "assignee")]
    [InlineData("{\"customer\": 8738438, \"application\": 1042, \"department\": 1}", "department")]
    public async Task Create_without_customer_or_application_or_with_unknown_ids_is_400(string body, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "POST", "/chats", body, HttpStatusCode.BadRequest, "invalid_request", path);

        Assert.Equal(10, emulator.Store.GetChats().Count);
    }
}
