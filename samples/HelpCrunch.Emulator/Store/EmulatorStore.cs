using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunch.Emulator.Store;

// EmulatorStore lives in the root namespace because it is part of the emulator's front-door API
// (HelpCrunchEmulator.Store); the entity records stay in HelpCrunch.Emulator.Store so that a
// program using both the emulator and a generated client does not get two "Chat" types in scope.
namespace HelpCrunch.Emulator;

/// <summary>
/// The emulator's in-memory data: agents, departments, customers, chats, messages, events,
/// applications and the organization. Thread-safe: every
/// read returns an immutable snapshot and every change is applied atomically under one lock.
/// Each <see cref="HelpCrunchEmulator"/> owns its own store, so parallel tests never share state.
/// </summary>
public sealed partial class EmulatorStore
{
    // One coarse lock: the data set is tiny and requests are few, so simplicity wins over throughput.
    private readonly object _gate = new();
    private readonly Dictionary<int, Agent> _agents = new();
    private readonly Dictionary<int, Department> _departments = new();
    private readonly Dictionary<int, Customer> _customers = new();
    private readonly Dictionary<int, Chat> _chats = new();
    private readonly Dictionary<int, Message> _messages = new();
    private readonly List<CustomerEvent> _events = new();
    private readonly Dictionary<int, Application> _applications = new();
    private Organization _organization = new(1, "emulator", TeamOnline: false, ChatEnabled: true);

    /// <summary>Creates an empty store.</summary>
    public EmulatorStore()
    {
    }

    /// <summary>Creates a store filled with the deterministic sample data of <see cref="SeedData"/>.</summary>
    public static EmulatorStore CreateSeeded()
    {
        var store = new EmulatorStore();
        SeedData.Fill(store);
        return store;
    }

    /// <summary>All agents, ordered by id.</summary>
    public IReadOnlyList<Agent> GetAgents()
    {
        lock (_gate)
        {
            return _agents.Values.OrderBy(a => a.Id).ToArray();
        }
    }

    /// <summary>The agent with this id, or null.</summary>
    public Agent? FindAgent(int id)
    {
        lock (_gate)
        {
            return _agents.GetValueOrDefault(id);
        }
    }

    /// <summary>All departments, ordered by id.</summary>
    public IReadOnlyList<Department> GetDepartments()
    {
        lock (_gate)
        {
            return _departments.Values.OrderBy(d => d.Id).ToArray();
        }
    }

    /// <summary>The department with this id, or null.</summary>
    public Department? FindDepartment(int id)
    {
        lock (_gate)
        {
            return _departments.GetValueOrDefault(id);
        }
    }

    /// <summary>All customers, ordered by id.</summary>
    public IReadOnlyList<Customer> GetCustomers()
    {
        lock (_gate)
        {
            return _customers.Values.OrderBy(c => c.Id).ToArray();
        }
    }

    /// <summary>The customer with this id, or null.</summary>
    public Customer? FindCustomer(int id)
    {
        lock (_gate)
        {
            return _customers.GetValueOrDefault(id);
        }
    }

    /// <summary>All chats, ordered by id.</summary>
    public IReadOnlyList<Chat> GetChats()
    {
        lock (_gate)
        {
            return _chats.Values.OrderBy(c => c.Id).ToArray();
        }
    }

    /// <summary>The chat with this id, or null.</summary>
    public Chat? FindChat(int id)
    {
        lock (_gate)
        {
            return _chats.GetValueOrDefault(id);
        }
    }

    /// <summary>Adds or replaces an agent.</summary>
    public void Upsert(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_gate)
        {
            _agents[agent.Id] = agent;
        }
    }

    /// <summary>Adds or replaces a department.</summary>
    public void Upsert(Department department)
    {
        ArgumentNullException.ThrowIfNull(department);
        lock (_gate)
        {
            _departments[department.Id] = department;
        }
    }

    /// <summary>Adds or replaces a customer.</summary>
    public void Upsert(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        lock (_gate)
        {
            _customers[customer.Id] = customer;
        }
    }

    /// <summary>Adds or replaces a chat.</summary>
    public void Upsert(Chat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_gate)
        {
            _chats[chat.Id] = chat;
        }
    }

    /// <summary>
    /// Atomically replaces the chat with <paramref name="update"/>'s result. Returns the new chat, or
    /// null when no chat has this id. <paramref name="update"/> runs under the store's lock: keep it
    /// short and do not call back into the store from it.
    /// </summary>
    public Chat? UpdateChat(int id, Func<Chat, Chat> update) => ChangeChat(id, update)?.After;

    /// <summary>Like <see cref="UpdateChat"/>, and also returns the chat as it was before.</summary>
    public (Chat Before, Chat After)? ChangeChat(int id, Func<Chat, Chat> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            if (!_chats.TryGetValue(id, out var current))
            {
                return null;
            }

            var updated = update(current) ?? throw new InvalidOperationException("The update returned null.");
            if (updated.Id != id)
            {
                throw new InvalidOperationException("The update must not change the chat id.");
            }

            _chats[id] = updated;
            return (current, updated);
        }
    }

    /// <summary>Adds the chat <paramref name="create"/> builds from the next free id, and returns it.</summary>
    public Chat CreateChat(Func<int, Chat> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            var chat = create(NextId(_chats.Keys, 5214000));
            _chats.Add(chat.Id, chat);
            return chat;
        }
    }

    /// <summary>All applications, ordered by id.</summary>
    public IReadOnlyList<Application> GetApplications()
    {
        lock (_gate)
        {
            return _applications.Values.OrderBy(a => a.Id).ToArray();
        }
    }

    /// <summary>The application with this id, or null.</summary>
    public Application? FindApplication(int id)
    {
        lock (_gate)
        {
            return _applications.GetValueOrDefault(id);
        }
    }

    /// <summary>Adds or replaces an application.</summary>
    public void Upsert(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        lock (_gate)
        {
            _applications[application.Id] = application;
        }
    }

    /// <summary>The organization (the account).</summary>
    public Organization Organization
    {
        get
        {
            lock (_gate)
            {
                return _organization;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _organization = value;
            }
        }
    }

    /// <summary>Marks the agent unsubscribed from newsletters; false when no agent has this id.</summary>
    public bool UnsubscribeAgent(int id)
    {
        lock (_gate)
        {
            if (!_agents.TryGetValue(id, out var agent))
            {
                return false;
            }

            _agents[id] = agent with { Unsubscribed = true };
            return true;
        }
    }

    /// <summary>One more than the largest id in use, or <paramref name="first"/> when there is none. Call under the lock.</summary>
    private static int NextId(IEnumerable<int> ids, int first)
    {
        int max = first - 1;
        foreach (int id in ids)
        {
            max = Math.Max(max, id);
        }

        return max + 1;
    }
}
