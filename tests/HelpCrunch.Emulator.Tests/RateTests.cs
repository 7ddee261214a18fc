using System.Net;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>C9 PUT /chats/rate: only a closed, unrated chat with an agent message can be rated.</summary>
public sealed class RateTests
{
    [Theory]
    [InlineData("perfect")]
    [InlineData("great")]
    [InlineData("average")]
    [InlineData("poor")]
    [InlineData("very poor")]
    public async Task A_closed_unrated_chat_with_an_agent_message_takes_every_rating(string rating)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var chat = await Api.JsonAsync(http, emulator, "PUT", "/chats/rate", $"{{\"id\": {SeedData.ClosedUnratedChatId}, \"rating\": \"{rating}\"}}");

        Assert.Equal(rating, chat.GetProperty("rating").GetString());
        Assert.Equal(rating, emulator.Store.FindChat(SeedData.ClosedUnratedChatId)!.Rating);
    }

    [Fact]
    public async Task A_second_rating_is_refused()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        await Api.JsonAsync(http, emulator, "PUT", "/chats/rate", $"{{\"id\": {SeedData.ClosedUnratedChatId}, \"rating\": \"poor\"}}");

        using var again = await Api.SendAsync(http, emulator, "PUT", "/chats/rate", $"{{\"id\": {SeedData.ClosedUnratedChatId}, \"rating\": \"great\"}}");

        await Api.AssertErrorAsync(again, HttpStatusCode.BadRequest, "invalid_request", "Chat is already rated");
        Assert.Equal("poor", emulator.Store.FindChat(SeedData.ClosedUnratedChatId)!.Rating);
    }

    [Theory]
    [InlineData(SeedData.OnHoldChatId, "Chat must me closed to rate")]
    [InlineData(SeedData.PendingUnassignedChatId, "Chat must me closed to rate")]
    [InlineData(SeedData.ClosedChatId, "Chat is already rated")]
    [InlineData(SeedData.ClosedWithoutAgentMessageChatId, "Chat must have at least one agent message to be rated")] // a private note does not count
    public async Task Rating_breaking_a_rule_is_400_invalid_request(int chatId, string message)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        string? before = emulator.Store.FindChat(chatId)!.Rating;

        using var response = await Api.SendAsync(http, emulator, "PUT", "/chats/rate", $"{{\"id\": {chatId}, \"rating\": \"average\"}}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", message);
        Assert.Equal(before, emulator.Store.FindChat(chatId)!.Rating);
    }

    [Fact]
    public async Task The_rule_errors_are_invalid_request_alone_in_the_new_style_too()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "PUT", "/chats/rate", "{\"id\": 5214000, \"rating\": \"great\"}", HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task A_chat_becomes_rateable_once_closed_after_an_agent_wrote()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        string rate = "{\"id\": 5214000, \"rating\": \"perfect\"}";

        await Api.JsonAsync(http, emulator, "PUT", "/chats/status", "{\"id\": 5214000, \"status\": \"closed\"}");
        using (var noAgent = await Api.SendAsync(http, emulator, "PUT", "/chats/rate", rate))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noAgent.StatusCode);
        }

        await Api.JsonAsync(http, emulator, "POST", "/messages", "{\"chat\": 5214000, \"text\": \"Solved!\", \"type\": \"message\", \"agent\": 4188}");
        var rated = await Api.JsonAsync(http, emulator, "PUT", "/chats/rate", rate);

        Assert.Equal("perfect", rated.GetProperty("rating").GetString());
    }

    [Theory]
    [InlineData("{\"id\": 5218001, \"rating\": \"excellent\"}", "rating")]
    [InlineData("{\"id\": 5218001, \"rating\": 5}", "rating")]
    [InlineData("{\"id\": 5218001}", "rating")]
    [InlineData("{\"rating\": \"great\"}", "id")]
    public async Task Bad_rating_body_is_400(string body, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "PUT", "/chats/rate", body, HttpStatusCode.BadRequest, "invalid_request", path);
    }
}
