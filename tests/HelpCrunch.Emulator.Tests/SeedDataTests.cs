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
        Assert.Equal(ChatStatuses.All.OrderBy(s => s, StringComparer.Ordinal), chats.Select(c => c.Status).OrderBy(s => s, StringComparer.Ordinal));
        Assert.NotNull(store.FindChat(5214000));
        Assert.NotNull(store.FindChat(5217453));
        Assert.All(chats, c =>
        {
            Assert.InRange(c.Id, 5214000, 5217453);
            Assert.InRange(c.CreatedAt.Year, 2020, 2021);
            Assert.NotNull(store.FindCustomer(c.CustomerId));
            Assert.True(c.AssigneeId is null || store.FindAgent(c.AssigneeId.Value) is not null);
            Assert.True(c.DepartmentId is null || store.FindDepartment(c.DepartmentId.Value) is not null);
            Assert.All(c.AgentIds, id => Assert.NotNull(store.FindAgent(id)));
        });
        Assert.Contains(chats, c => c.AssigneeId is null);
        Assert.Contains(chats, c => c.AssigneeId is not null);
        Assert.Equal(5, store.GetCustomers().Count);
    }

    [Fact]
    public void Seed_is_deterministic()
    {
        var a = EmulatorStore.CreateSeeded();
        var b = EmulatorStore.CreateSeeded();

        // Records compare by value; AgentIds are arrays, so compare them separately.
        Assert.Equal(a.GetAgents(), b.GetAgents());
        Assert.Equal(a.GetCustomers(), b.GetCustomers());
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
