using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Tests;

public sealed class SeedDataTests
{
    [Fact]
    public void Seed_has_agents_of_every_role_including_derek_swanson()
    {
        var store = EmulatorStore.CreateSeeded();

        var agents = store.GetAgents();
        Assert.Equal(5, agents.Count);
        Assert.Equal(new Agent(4188, "Derek Swanson", "derek.swanson@company.com", "admin"), store.FindAgent(4188));
        Assert.Equal(
            new[] { "admin", "agent", "agentChatOnly", "superviser" },
            agents.Select(a => a.Role).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Seed_departments_reference_existing_agents()
    {
        var store = EmulatorStore.CreateSeeded();

        var departments = store.GetDepartments();
        Assert.Equal(2, departments.Count);
        Assert.All(departments, d =>
        {
            Assert.NotEmpty(d.AgentIds);
            Assert.All(d.AgentIds, id => Assert.NotNull(store.FindAgent(id)));
        });
    }

    [Fact]
    public void Seed_chats_cover_every_status_and_reference_existing_entities()
    {
        var store = EmulatorStore.CreateSeeded();

        var chats = store.GetChats();
        Assert.Equal(ChatStatuses.All.OrderBy(s => s, StringComparer.Ordinal), chats.Select(c => c.Status).Distinct().OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(10, chats.Count);
        Assert.NotNull(store.FindChat(5214000));
        Assert.NotNull(store.FindChat(5217453));
        Assert.All(chats, c =>
        {
            Assert.InRange(c.Id, 5214000, 5218003);
            Assert.NotNull(store.FindApplication(c.ApplicationId));
            Assert.InRange(c.CreatedAt.Year, 2020, 2021);
            Assert.NotNull(store.FindCustomer(c.CustomerId));
            Assert.True(c.AssigneeId is null || store.FindAgent(c.AssigneeId.Value) is not null);
            Assert.True(c.DepartmentId is null || store.FindDepartment(c.DepartmentId.Value) is not null);
            Assert.All(c.AgentIds, id => Assert.NotNull(store.FindAgent(id)));
        });
        Assert.Contains(chats, c => c.AssigneeId is null);
        Assert.Contains(chats, c => c.AssigneeId is not null);
        Assert.Equal(10, store.GetCustomers().Count);
    }

    [Fact]
    public void Seed_messages_end_with_each_chats_last_message()
    {
        var store = EmulatorStore.CreateSeeded();

        foreach (var chat in store.GetChats())
        {
            var messages = store.GetMessages(chat.Id);
            if (chat.LastMessageId is null)
            {
                Assert.Empty(messages);
                continue;
            }

            var last = messages.First(m => m.Type == "message");
            Assert.Equal(chat.LastMessageId, last.Id);
            Assert.Equal(chat.LastMessageText, last.Text);
            Assert.Equal(chat.LastMessageAt, last.CreatedAt);
            Assert.All(messages, m => Assert.True(m.AgentId is null || store.FindAgent(m.AgentId.Value) is not null));
            Assert.All(messages.Where(m => m.AgentId is not null && m.Type == "message"), m => Assert.Contains(m.AgentId!.Value, chat.AgentIds));
        }
    }

    [Fact]
    public void Seed_is_deterministic()
    {
        var a = EmulatorStore.CreateSeeded();
        var b = EmulatorStore.CreateSeeded();

        // Records compare by value; AgentIds are arrays, so compare them separately.
        Assert.Equal(a.GetAgents(), b.GetAgents());
        Assert.Equal(
            a.GetCustomers().Select(c => c with { Tags = Array.Empty<Tag>(), CustomData = Array.Empty<KeyValuePair<string, string>>() }),
            b.GetCustomers().Select(c => c with { Tags = Array.Empty<Tag>(), CustomData = Array.Empty<KeyValuePair<string, string>>() }));
        Assert.Equal(a.GetCustomers().Select(c => string.Join(",", c.Tags) + string.Join(",", c.CustomData)), b.GetCustomers().Select(c => string.Join(",", c.Tags) + string.Join(",", c.CustomData)));
        Assert.Equal(a.GetMessages(SeedData.ClosedChatId), b.GetMessages(SeedData.ClosedChatId));
        Assert.Equal(
            a.GetChats().Select(c => c with { AgentIds = Array.Empty<int>() }),
            b.GetChats().Select(c => c with { AgentIds = Array.Empty<int>() }));
        Assert.Equal(a.GetChats().Select(c => string.Join(",", c.AgentIds)), b.GetChats().Select(c => string.Join(",", c.AgentIds)));
    }

    [Fact]
    public void Update_chat_is_atomic_and_returns_null_for_unknown_ids()
    {
        var store = EmulatorStore.CreateSeeded();

        Assert.Null(store.UpdateChat(1, c => c with { AssigneeId = 4188 }));
        var updated = store.UpdateChat(5214000, c => c with { AssigneeId = 4188 });
        Assert.Equal(4188, updated!.AssigneeId);
        Assert.Same(updated, store.FindChat(5214000));
        Assert.Throws<InvalidOperationException>(() => store.UpdateChat(5214000, c => c with { Id = 1 }));
    }
}
