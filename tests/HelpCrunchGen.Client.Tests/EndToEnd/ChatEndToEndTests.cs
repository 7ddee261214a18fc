using System.Net;
using HelpCrunch.Api;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>The chat operations through the generated client against the running emulator: each succeeds and fails as documented.</summary>
public sealed class ChatEndToEndTests
{
    private const long NoSuchChat = 987_654_321;

    [Fact]
    public async Task A_created_chat_is_empty_and_can_be_read_back_and_listed()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer customer = await session.NewCustomerAsync("Ada Lovelace");
        long application = await session.AnyApplicationIdAsync();

        Chat created = await session.Client.CreateChatAsync(new CreateChatRequest { Customer = customer.Id, Application = application });
        Chat read = await session.Client.GetChatAsync(created.Id);
        ListChatsResponse list = await session.Client.ListChatsAsync(limit: 100);

        Assert.Equal(ChatStatus.Empty, created.Status);
        Assert.Equal(customer.Id, created.Customer.Id);
        Assert.Null(created.LastMessageId);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(customer.Id, read.Customer.Id);
        Assert.Contains(list.Data, chat => chat.Id == created.Id);
        Assert.True(list.Meta!.Total >= list.Data.Count);
    }

    [Fact]
    public async Task Creating_a_chat_without_an_application_or_for_no_customer_is_400()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer customer = await session.NewCustomerAsync("No App");
        long application = await session.AnyApplicationIdAsync();

        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.CreateChatAsync(new CreateChatRequest { Customer = customer.Id }), "createChat");
        // The page documents 400 (generic validation), 401 and 429 only: an unknown customer is a validation error.
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.CreateChatAsync(
            new CreateChatRequest { Customer = 999_999_999, Application = application }), "createChat");
    }

    [Fact]
    public async Task A_missing_chat_is_404_chat_not_found()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.ChatNotFound, () => session.Client.GetChatAsync(NoSuchChat), "getChat");
    }

    [Fact]
    public async Task Status_changes_and_an_invalid_status_or_chat_fails()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();

        Chat pending = await session.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = chat.Id, Status = ChatStatus.Pending });
        Chat closed = await session.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = chat.Id, Status = ChatStatus.Closed });

        Assert.Equal(ChatStatus.Pending, pending.Status);
        Assert.Equal(ChatStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(ChatStatus.Closed, (await session.Client.GetChatAsync(chat.Id)).Status);
        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidChatValue, () =>
            session.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = chat.Id, Status = "sleeping" }), "updateChatStatus");
        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.ChatNotFound, () =>
            session.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = NoSuchChat, Status = ChatStatus.Opened }), "updateChatStatus");
    }

    [Fact]
    public async Task Assignee_is_set_and_cleared_and_a_bad_agent_or_chat_fails()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();
        long agent = await session.AnyAgentIdAsync();

        Chat assigned = await session.Client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chat.Id, Assignee = agent });
        Chat unassigned = await session.Client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chat.Id, Assignee = null });

        Assert.Equal(agent, assigned.Assignee!.Id);
        Assert.Null(unassigned.Assignee);
        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidChatValue, () =>
            session.Client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chat.Id, Assignee = 999_999 }), "updateChatAssignee");
        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.ChatNotFound, () =>
            session.Client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = NoSuchChat, Assignee = agent }), "updateChatAssignee");
    }

    [Fact]
    public async Task Department_is_changed_and_a_bad_department_or_chat_fails()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();
        Department department = (await session.Client.ListDepartmentsAsync()).Data![^1];

        Chat moved = await session.Client.UpdateChatDepartmentAsync(new UpdateChatDepartmentRequest { Id = chat.Id, Department = department.Id });

        Assert.Equal(department.Id, moved.Department!.Id);
        Assert.Equal(department.Name, moved.Department.Name);
        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidChatValue, () =>
            session.Client.UpdateChatDepartmentAsync(new UpdateChatDepartmentRequest { Id = chat.Id, Department = 999_999 }), "updateChatDepartment");
        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.ChatNotFound, () =>
            session.Client.UpdateChatDepartmentAsync(new UpdateChatDepartmentRequest { Id = NoSuchChat, Department = department.Id }), "updateChatDepartment");
    }

    [Fact]
    public async Task Snoozing_stores_the_time_and_null_unsnoozes()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();
        DateTimeOffset until = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);

        Chat snoozed = await session.Client.SnoozeChatAsync(new SnoozeChatRequest { Id = chat.Id, SnoozedUntil = until });
        Chat stored = await session.Client.GetChatAsync(chat.Id);
        Chat unsnoozed = await session.Client.SnoozeChatAsync(new SnoozeChatRequest { Id = chat.Id, SnoozedUntil = null });

        Assert.Equal(until, snoozed.SnoozedUntil);
        Assert.Equal(until, stored.SnoozedUntil);
        Assert.Null(unsnoozed.SnoozedUntil);
        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.ChatNotFound, () =>
            session.Client.SnoozeChatAsync(new SnoozeChatRequest { Id = NoSuchChat, SnoozedUntil = until }), "snoozeChat");
    }

    [Fact]
    public async Task A_chat_is_rated_only_when_closed_with_an_agent_message_and_unrated()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();
        long agent = await session.AnyAgentIdAsync();
        var rate = new RateChatRequest { Id = chat.Id, Rating = ChatRating.Perfect };

        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidRequest, () => session.Client.RateChatAsync(rate), "rateChat"); // open
        await session.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = chat.Id, Status = ChatStatus.Closed });
        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidRequest, () => session.Client.RateChatAsync(rate), "rateChat"); // no agent message
        await session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = chat.Id, Text = "Solved?", Agent = agent, Type = CreateMessageType.Message });
        await session.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = chat.Id, Status = ChatStatus.Closed });

        Chat rated = await session.Client.RateChatAsync(rate);

        Assert.Equal(ChatRating.Perfect, rated.Rating);
        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidRequest, () =>
            session.Client.RateChatAsync(rate with { Rating = ChatRating.Poor }), "rateChat"); // already rated
        Assert.Equal(ChatRating.Perfect, (await session.Client.GetChatAsync(chat.Id)).Rating);
    }

    [Fact]
    public async Task Read_flags_are_set_by_agent_and_by_customer()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Chat chat = await session.NewChatAsync();

        Chat byAgent = await session.Client.MarkChatReadByAgentAsync(new MarkChatReadByAgentRequest { Id = chat.Id, Read = true });
        Chat byCustomer = await session.Client.MarkChatReadByCustomerAsync(new MarkChatReadByCustomerRequest { Id = chat.Id, Read = true });
        Chat agentUnread = await session.Client.MarkChatReadByAgentAsync(new MarkChatReadByAgentRequest { Id = chat.Id, Read = false });
        Chat legacy = await session.Client.MarkChatReadAsync(new MarkChatReadRequest { Id = chat.Id, Read = true });

        Assert.True(byAgent.ReadByAgent);
        Assert.True(byCustomer.ReadByCustomer);
        Assert.False(agentUnread.ReadByAgent);
        Assert.True(agentUnread.ReadByCustomer);
        Assert.Equal(chat.Id, legacy.Id);
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () =>
            session.Client.MarkChatReadByAgentAsync(new MarkChatReadByAgentRequest { Id = NoSuchChat, Read = true }), "markChatReadByAgent");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () =>
            session.Client.MarkChatReadByCustomerAsync(new MarkChatReadByCustomerRequest { Id = NoSuchChat, Read = true }), "markChatReadByCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () =>
            session.Client.MarkChatReadAsync(new MarkChatReadRequest { Id = NoSuchChat, Read = true }), "markChatRead");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_list_limit_outside_1_to_100_is_refused(int limit)
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.ListChatsAsync(limit: limit), "listChats");
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.ListCustomersAsync(limit: limit), "listCustomers");
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.ListAgentsAsync(limit: limit), "listAgents");
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.ListDepartmentsAsync(limit: limit), "listDepartments");
        long chat = (await session.Client.ListChatsAsync()).Data[0].Id;
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.ListMessagesAsync(chat, limit: limit), "listMessages");
    }

    [Fact]
    public async Task Chats_are_sorted_by_the_field_and_order_asked()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        IReadOnlyList<Chat> ascending = (await session.Client.ListChatsAsync(ChatSortField.CreatedAt, SortOrder.Asc)).Data;
        IReadOnlyList<Chat> descending = (await session.Client.ListChatsAsync(ChatSortField.CreatedAt, SortOrder.Desc)).Data;

        Assert.True(ascending.Count > 1);
        Assert.Equal(ascending.Select(c => c.CreatedAt).Order(), ascending.Select(c => c.CreatedAt));
        Assert.Equal(descending.Select(c => c.CreatedAt).OrderDescending(), descending.Select(c => c.CreatedAt));
    }
}
