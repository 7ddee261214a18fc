using System.Net;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>The 200 body of C6 in the documented wire format (docs §4.1, newer style).</summary>
public sealed class WireFormatTests
{
    private static readonly string[] ChatFields =
    {
        "id", "closedBy", "lastCustomerMessageAt", "status", "closedAt", "rating", "createdAt", "lastMessageAt",
        "createdWith", "readByAgent", "readByCustomer", "snoozedUntil", "lastMessageText", "lastMessageId",
        "applicationId", "lastCommunicatedAgentId", "agents", "customer", "assignee", "department",
    };

    [Fact]
    public async Task Chat_has_exactly_the_documented_fields_with_string_timestamps_and_nulls()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.AssignAsync(http, emulator, 5214000, 4188);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var chat = await Api.ReadJsonAsync(response);
        Assert.Equal(ChatFields, chat.EnumerateObject().Select(p => p.Name).ToArray());

        Assert.Equal(JsonValueKind.Number, chat.GetProperty("id").ValueKind);
        Assert.Equal("pending", chat.GetProperty("status").GetString());
        // Timestamps: numeric strings, never JSON numbers.
        Assert.Equal("1592332351", chat.GetProperty("createdAt").GetString());
        Assert.Equal("1592332354", chat.GetProperty("lastCustomerMessageAt").GetString());
        Assert.Equal("1592332354", chat.GetProperty("lastMessageAt").GetString());
        // Unset values are explicit nulls, not missing properties.
        foreach (string name in new[] { "closedBy", "closedAt", "rating", "snoozedUntil", "lastCommunicatedAgentId", "department" })
        {
            Assert.Equal(JsonValueKind.Null, chat.GetProperty(name).ValueKind);
        }

        Assert.Equal("customer_message", chat.GetProperty("createdWith").GetString());
        Assert.Equal(JsonValueKind.False, chat.GetProperty("readByAgent").ValueKind);
        Assert.Equal(JsonValueKind.True, chat.GetProperty("readByCustomer").ValueKind);
        Assert.Equal("HelpCrunch is the best! Thank you guys.", chat.GetProperty("lastMessageText").GetString());
        Assert.Equal(8579581, chat.GetProperty("lastMessageId").GetInt32());
        Assert.Equal(SeedData.ApplicationId, chat.GetProperty("applicationId").GetInt32());
        Assert.Equal(JsonValueKind.Array, chat.GetProperty("agents").ValueKind);
        Assert.Equal(0, chat.GetProperty("agents").GetArrayLength());

        var customer = chat.GetProperty("customer");
        Assert.Equal(new[] { "id", "name", "email", "userId" }, customer.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(8740457, customer.GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("userId").ValueKind);

        var assignee = chat.GetProperty("assignee");
        Assert.Equal(new[] { "id", "name", "email", "role" }, assignee.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Snoozed_chat_has_a_fractional_string_snooze_and_department_and_agents_objects()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.AssignAsync(http, emulator, SeedData.SnoozedOpenedChatId, SeedData.DerekSwansonId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chat = await Api.ReadJsonAsync(response);
        Assert.Equal(ChatFields, chat.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("opened", chat.GetProperty("status").GetString());
        Assert.Equal("1603864800.000", chat.GetProperty("snoozedUntil").GetString());
        Assert.Equal(6694, chat.GetProperty("lastCommunicatedAgentId").GetInt32());

        var department = chat.GetProperty("department");
        Assert.Equal(new[] { "id", "name" }, department.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(SeedData.SupportDepartmentId, department.GetProperty("id").GetInt32());
        Assert.Equal("Support", department.GetProperty("name").GetString());

        var agents = chat.GetProperty("agents").EnumerateArray().ToArray();
        Assert.Equal(new[] { 6694, 6691 }, agents.Select(a => a.GetProperty("id").GetInt32()).ToArray());
        Assert.All(agents, a => Assert.Equal(new[] { "id", "name", "email", "role" }, a.EnumerateObject().Select(p => p.Name).ToArray()));
        Assert.Equal("agentChatOnly", agents[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Closed_chat_has_closed_by_closed_at_and_rating()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.AssignAsync(http, emulator, SeedData.ClosedChatId, null);

        var chat = await Api.ReadJsonAsync(response);
        Assert.Equal("closed", chat.GetProperty("status").GetString());
        Assert.Equal("agent", chat.GetProperty("closedBy").GetString());
        Assert.Equal("1600268400", chat.GetProperty("closedAt").GetString());
        Assert.Equal("great", chat.GetProperty("rating").GetString());
        Assert.Equal("crm_1021", chat.GetProperty("customer").GetProperty("userId").GetString());
        Assert.Equal(JsonValueKind.Null, chat.GetProperty("assignee").ValueKind);
    }

    [Fact]
    public async Task Statuses_with_spaces_and_newlines_in_texts_round_trip()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var onHold = await Api.AssignAsync(http, emulator, SeedData.OnHoldChatId, SeedData.LisaRodesId);
        using var noCommunication = await Api.AssignAsync(http, emulator, SeedData.NoCommunicationChatId, null);
        using var empty = await Api.AssignAsync(http, emulator, SeedData.EmptyChatId, SeedData.DerekSwansonId);

        var onHoldChat = await Api.ReadJsonAsync(onHold);
        Assert.Equal("on hold", onHoldChat.GetProperty("status").GetString());
        Assert.Equal("Hi Mateus. My name is Lisa.\nI have an offer for you. Can we hop on a quick call this week?", onHoldChat.GetProperty("lastMessageText").GetString());
        Assert.Equal("no communication", (await Api.ReadJsonAsync(noCommunication)).GetProperty("status").GetString());

        var emptyChat = await Api.ReadJsonAsync(empty);
        Assert.Equal("empty", emptyChat.GetProperty("status").GetString());
        Assert.Equal("public_api", emptyChat.GetProperty("createdWith").GetString());
        foreach (string name in new[] { "lastCustomerMessageAt", "lastMessageAt", "lastMessageText", "lastMessageId" })
        {
            Assert.Equal(JsonValueKind.Null, emptyChat.GetProperty(name).ValueKind);
        }
    }
}
