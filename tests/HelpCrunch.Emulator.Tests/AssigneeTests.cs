using System.Net;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>C6 <c>PUT /v1/chats/assignee</c>: success, unassign, and the documented 400/404 errors.</summary>
public sealed class AssigneeTests
{
    [Fact]
    public async Task Assigning_an_unassigned_chat_returns_200_and_updates_the_store()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        Assert.Null(emulator.Store.FindChat(SeedData.PendingUnassignedChatId)!.AssigneeId);
        using var http = Api.CreateClient(emulator);

        // The docs' own request sample.
        using var response = await Api.PutAssigneeAsync(http, emulator, "{\"id\": 5214000, \"assignee\": 4188}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chat = await Api.ReadJsonAsync(response);
        Assert.Equal(5214000, chat.GetProperty("id").GetInt32());
        var assignee = chat.GetProperty("assignee");
        Assert.Equal(4188, assignee.GetProperty("id").GetInt32());
        Assert.Equal("Derek Swanson", assignee.GetProperty("name").GetString());
        Assert.Equal("derek.swanson@company.com", assignee.GetProperty("email").GetString());
        Assert.Equal("admin", assignee.GetProperty("role").GetString());
        Assert.Equal("pending", chat.GetProperty("status").GetString());

        Assert.Equal(4188, emulator.Store.FindChat(5214000)!.AssigneeId);
    }

    [Fact]
    public async Task Reassigning_moves_the_chat_to_the_new_agent()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        Assert.Equal(SeedData.LisaRodesId, emulator.Store.FindChat(SeedData.OnHoldChatId)!.AssigneeId);
        using var http = Api.CreateClient(emulator);

        using var response = await Api.AssignAsync(http, emulator, SeedData.OnHoldChatId, SeedData.LesMelnikId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chat = await Api.ReadJsonAsync(response);
        Assert.Equal(SeedData.LesMelnikId, chat.GetProperty("assignee").GetProperty("id").GetInt32());
        Assert.Equal("superviser", chat.GetProperty("assignee").GetProperty("role").GetString());
        var stored = emulator.Store.FindChat(SeedData.OnHoldChatId)!;
        Assert.Equal(SeedData.LesMelnikId, stored.AssigneeId);
        // Nothing else changes.
        Assert.Equal(ChatStatuses.OnHold, stored.Status);
        Assert.Equal(new[] { SeedData.LisaRodesId }, stored.AgentIds);
    }

    [Fact]
    public async Task Null_assignee_unassigns()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.PutAssigneeAsync(http, emulator, "{\"id\":5217453,\"assignee\":null}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chat = await Api.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Null, chat.GetProperty("assignee").ValueKind);
        Assert.Null(emulator.Store.FindChat(5217453)!.AssigneeId);
    }

    [Fact]
    public async Task Unknown_agent_is_400_assignee_value_is_invalid_and_changes_nothing()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.AssignAsync(http, emulator, SeedData.OnHoldChatId, 999999);

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_chat_value", "assignee value is invalid");
        Assert.Equal(SeedData.LisaRodesId, emulator.Store.FindChat(SeedData.OnHoldChatId)!.AssigneeId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"id\":5217453,\"assignee\":4188")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("[{\"id\":5217453,\"assignee\":4188}]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{\"id\":5217453}")]
    [InlineData("{\"id\":5217453,\"Assignee\":4188}")]
    [InlineData("{\"id\":5217453,\"assignee\":\"4188\"}")]
    [InlineData("{\"id\":5217453,\"assignee\":true}")]
    [InlineData("{\"id\":5217453,\"assignee\":4188.5}")]
    [InlineData("{\"id\":5217453,\"assignee\":-4188}")]
    [InlineData("{\"id\":5217453,\"assignee\":0}")]
    [InlineData("{\"id\":5217453,\"assignee\":{\"id\":4188}}")]
    [InlineData("{\"id\":5217453,\"assignee\":[4188]}")]
    public async Task Malformed_body_or_bad_assignee_is_400_assignee_value_is_invalid(string body)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.PutAssigneeAsync(http, emulator, body);

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_chat_value", "assignee value is invalid");
        Assert.Equal(SeedData.LisaRodesId, emulator.Store.FindChat(SeedData.OnHoldChatId)!.AssigneeId);
    }

    [Theory]
    [InlineData("{\"assignee\":4188}")]
    [InlineData("{\"ID\":5217453,\"assignee\":4188}")]
    [InlineData("{\"id\":\"5217453\",\"assignee\":4188}")]
    [InlineData("{\"id\":null,\"assignee\":4188}")]
    [InlineData("{\"id\":5217453.5,\"assignee\":4188}")]
    [InlineData("{\"id\":0,\"assignee\":4188}")]
    [InlineData("{\"id\":-5217453,\"assignee\":4188}")]
    [InlineData("{\"id\":99999999999,\"assignee\":4188}")]
    [InlineData("{\"id\":[5217453],\"assignee\":4188}")]
    public async Task Missing_or_bad_chat_id_is_400_invalid_chat_id(string body)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.PutAssigneeAsync(http, emulator, body);

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_chat_value", "Invalid chat ID");
        Assert.Equal(SeedData.LisaRodesId, emulator.Store.FindChat(SeedData.OnHoldChatId)!.AssigneeId);
    }

    [Theory]
    [InlineData(1, 4188)]
    [InlineData(5213999, 4188)]
    [InlineData(1, null)]
    [InlineData(1, 999999)] // the chat is checked before the agent
    public async Task Unknown_chat_is_404_chat_is_missing(int chatId, int? agentId)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await Api.AssignAsync(http, emulator, chatId, agentId);

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "chat_not_found", "Chat is missing");
        Assert.Null(emulator.Store.FindChat(chatId));
    }

    [Fact]
    public async Task Content_type_is_not_required_and_extra_fields_are_ignored()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        using var content = new ByteArrayContent("{\"id\":5214000,\"assignee\":6694,\"note\":\"x\"}"u8.ToArray());

        using var response = await http.PutAsync(Api.Url(emulator, "/chats/assignee"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6694, emulator.Store.FindChat(5214000)!.AssigneeId);
    }

    [Fact]
    public async Task Concurrent_assignments_all_succeed_and_the_store_holds_one_of_them()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        int[] agents = { 4188, 6691, 4761, 6694, 6679 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => Api.AssignAsync(http, emulator, 5214000, agents[i % agents.Length])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.Contains(emulator.Store.FindChat(5214000)!.AssigneeId!.Value, agents);
    }
}
