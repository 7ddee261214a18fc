using System.Net;
using HelpCrunch.Api;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>Messages through the generated client against the running emulator.</summary>
public sealed class MessageEndToEndTests
{
    [Fact]
    public async Task Posting_updates_the_chat_a_private_note_does_not_and_listing_is_newest_first_with_a_total()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();
        long agent = await session.AnyAgentIdAsync();

        Message fromCustomer = await session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = chat.Id, Text = "Hello?", Type = CreateMessageType.Message });
        Message fromAgent = await session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = chat.Id, Text = "Hi! How can I help?", Agent = agent, Type = CreateMessageType.Message });
        Message note = await session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = chat.Id, Text = "VIP customer", Agent = agent, Type = CreateMessageType.Private });
        Chat after = await session.Client.GetChatAsync(chat.Id);
        ListMessagesResponse all = await session.Client.ListMessagesAsync(chat.Id);
        ListMessagesResponse second = await session.Client.ListMessagesAsync(chat.Id, offset: 1, limit: 1);

        Assert.Equal(MessageFrom.Customer, fromCustomer.From);
        Assert.Null(fromCustomer.Agent);
        Assert.Equal(MessageFrom.Agent, fromAgent.From);
        Assert.Equal(agent, fromAgent.Agent!.Id);
        Assert.Equal(MessageType.Private, note.Type);
        Assert.Equal(fromAgent.Id, after.LastMessageId); // an agents-only note is not the chat's last message
        Assert.Equal("Hi! How can I help?", after.LastMessageText);
        Assert.NotNull(after.LastMessageAt);
        Assert.NotEqual(ChatStatus.Empty, after.Status);
        Assert.Equal(3, all.Total);
        Assert.Equal([note.Id, fromAgent.Id, fromCustomer.Id], all.Data!.Select(m => m.Id));
        Assert.Equal(3, second.Total);
        Assert.Equal([fromAgent.Id], second.Data!.Select(m => m.Id));
    }

    [Fact]
    public async Task A_missing_chat_or_agent_is_404_and_a_bad_chat_id_is_400()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();

        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.ChatNotFound, () =>
            session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = 987_654_321, Text = "x", Type = CreateMessageType.Message }), "createMessage");
        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.EntityNotFound, () =>
            session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = chat.Id, Text = "x", Agent = 999_999, Type = CreateMessageType.Message }), "createMessage");
        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidChatValue, () =>
            session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = 0, Text = "x", Type = CreateMessageType.Message }), "createMessage");
        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.ChatNotFound, () => session.Client.ListMessagesAsync(987_654_321), "listMessages");
    }
}
