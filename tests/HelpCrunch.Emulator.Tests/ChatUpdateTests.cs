using System.Net;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>C5 status, C7 department, C8 snooze, C10/C11 read (C6 assignee: <see cref="AssigneeTests"/>, C9 rate: <see cref="RateTests"/>).</summary>
public sealed class ChatUpdateTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1700000000123);

    [Theory]
    [InlineData("pending", "pending")]
    [InlineData("on hold", "on hold")]
    [InlineData("on-hold", "on hold")]
    [InlineData("onhold", "on hold")]
    [InlineData("open", "opened")]
    [InlineData("no communication", "no communication")]
    public async Task Status_accepts_every_documented_spelling_and_serves_one(string sent, string served)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var chat = await Api.JsonAsync(http, emulator, "PUT", "/chats/status", $"{{\"id\": {SeedData.NewChatId}, \"status\": \"{sent}\"}}");

        Assert.Equal(served, chat.GetProperty("status").GetString());
        Assert.Equal(served, emulator.Store.FindChat(SeedData.NewChatId)!.Status);
    }

    [Fact]
    public async Task Closing_sets_closed_at_and_closed_by_and_reopening_clears_them()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { TimeProvider = new ManualTimeProvider(Now) });
        using var http = Api.CreateClient(emulator);

        var closed = await Api.JsonAsync(http, emulator, "PUT", "/chats/status", "{\"id\": 5214000, \"status\": \"closed\"}");
        var reopened = await Api.JsonAsync(http, emulator, "PUT", "/chats/status", "{\"id\": 5214000, \"status\": \"opened\"}");

        Assert.Equal("1700000000", closed.GetProperty("closedAt").GetString());
        Assert.Equal("agent", closed.GetProperty("closedBy").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closedBy").ValueKind);
    }

    [Theory]
    [InlineData("{\"id\": 5214000, \"status\": \"empty\"}")]
    [InlineData("{\"id\": 5214000, \"status\": \"resolved\"}")]
    [InlineData("{\"id\": 5214000, \"status\": 3}")]
    [InlineData("{\"id\": 5214000}")]
    [InlineData("{")]
    public async Task Bad_status_is_400_status_value_is_invalid(string body)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "PUT", "/chats/status", body);

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_chat_value", "status value is invalid");
        Assert.Equal("pending", emulator.Store.FindChat(5214000)!.Status);
    }

    [Theory]
    [InlineData("/chats/status", "{\"id\": 1, \"status\": \"closed\"}")]
    [InlineData("/chats/department", "{\"id\": 1, \"department\": 233046}")]
    [InlineData("/chats/snooze", "{\"id\": 1, \"snoozedUntil\": 1603864800}")]
    [InlineData("/chats/rate", "{\"id\": 1, \"rating\": \"great\"}")]
    public async Task Updates_of_an_unknown_chat_are_404_chat_is_missing(string path, string body)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "PUT", path, body);

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "chat_not_found", "Chat is missing");
    }

    [Fact]
    public async Task Department_moves_the_chat()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var chat = await Api.JsonAsync(http, emulator, "PUT", "/chats/department", $"{{\"id\": 5214000, \"department\": {SeedData.MarketingDepartmentId}}}");

        Assert.Equal("Marketing", chat.GetProperty("department").GetProperty("name").GetString());
        Assert.Equal(SeedData.MarketingDepartmentId, emulator.Store.FindChat(5214000)!.DepartmentId);
    }

    [Theory]
    [InlineData("{\"id\": 5214000, \"department\": 1}")]
    [InlineData("{\"id\": 5214000, \"department\": null}")]
    [InlineData("{\"id\": 5214000}")]
    public async Task Unknown_or_missing_department_is_400_department_value_is_invalid(string body)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "PUT", "/chats/department", body);

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_chat_value", "department value is invalid");
        Assert.Null(emulator.Store.FindChat(5214000)!.DepartmentId);
    }

    [Theory]
    [InlineData("1603864800", "1603864800.000")]
    [InlineData("\"1603885746\"", "1603885746.000")]
    [InlineData("\"1603864800.250\"", "1603864800.250")]
    public async Task Snooze_takes_a_number_or_a_string_and_stores_the_time(string value, string served)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var chat = await Api.JsonAsync(http, emulator, "PUT", "/chats/snooze", $"{{\"id\": 5214000, \"snoozedUntil\": {value}}}");

        Assert.Equal(served, chat.GetProperty("snoozedUntil").GetString());
        Assert.Equal(served, emulator.Store.FindChat(5214000)!.SnoozedUntil!.Value.ToUnixTimeMilliseconds().ToString().Insert(10, "."));
    }

    [Fact]
    public async Task Snooze_null_unsnoozes()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var chat = await Api.JsonAsync(http, emulator, "PUT", "/chats/snooze", $"{{\"id\": {SeedData.SnoozedOpenedChatId}, \"snoozedUntil\": null}}");

        Assert.Equal(JsonValueKind.Null, chat.GetProperty("snoozedUntil").ValueKind);
        Assert.Null(emulator.Store.FindChat(SeedData.SnoozedOpenedChatId)!.SnoozedUntil);
    }

    [Theory]
    [InlineData("{\"id\": 5214000}", "snoozedUntil")]
    [InlineData("{\"id\": 5214000, \"snoozedUntil\": \"tomorrow\"}", "snoozedUntil")]
    [InlineData("{\"id\": 5214000, \"snoozedUntil\": true}", "snoozedUntil")]
    [InlineData("{\"snoozedUntil\": 1603864800}", "id")]
    public async Task Bad_snooze_is_400(string body, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "PUT", "/chats/snooze", body, HttpStatusCode.BadRequest, "invalid_request", path);
        Assert.Null(emulator.Store.FindChat(5214000)!.SnoozedUntil);
    }

    [Theory]
    [InlineData("/chats/readByAgent", true, false)]
    [InlineData("/chats/readByCustomer", false, true)]
    [InlineData("/chats/read", true, false)]
    public async Task Read_endpoints_set_their_flag_only(string path, bool agentFlag, bool customerFlag)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        var before = emulator.Store.FindChat(SeedData.OnHoldChatId)!; // readByAgent true, readByCustomer false

        var chat = await Api.JsonAsync(http, emulator, "PUT", path, $"{{\"id\": {SeedData.OnHoldChatId}, \"read\": {(agentFlag ? "false" : "true")}}}");

        bool expectedAgent = agentFlag ? false : before.ReadByAgent;
        bool expectedCustomer = customerFlag ? true : before.ReadByCustomer;
        Assert.Equal(expectedAgent, chat.GetProperty("readByAgent").GetBoolean());
        Assert.Equal(expectedCustomer, chat.GetProperty("readByCustomer").GetBoolean());
        Assert.Equal(expectedAgent, emulator.Store.FindChat(SeedData.OnHoldChatId)!.ReadByAgent);
        Assert.Equal(expectedCustomer, emulator.Store.FindChat(SeedData.OnHoldChatId)!.ReadByCustomer);
    }

    [Fact]
    public async Task Read_of_an_unknown_chat_is_the_documented_not_fount()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.SendAsync(http, emulator, "PUT", "/chats/readByAgent", "{\"id\": 5208, \"read\": true}");

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_fount", "Chat for ID \\\"5208\\\" was not found");
    }

    [Fact]
    public async Task Read_without_a_boolean_is_400()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "PUT", "/chats/readByCustomer", "{\"id\": 5214000, \"read\": \"yes\"}", HttpStatusCode.BadRequest, "invalid_request", "read");
    }
}
