using System;

namespace HelpCrunch.Emulator.Store;

/// <summary>
/// The deterministic sample data every emulator starts with (no randomness, no clock): five agents
/// covering all roles, two departments, five customers and seven chats — one per documented status —
/// with ids and texts borrowed from the docs' own samples (see <c>tests/data/helpcrunch</c>).
/// The constants let tests and samples address the records by name.
/// </summary>
public static class SeedData
{
    /// <summary>Derek Swanson (admin) — the assignee in the docs' assignee/create-chat samples.</summary>
    public const int DerekSwansonId = 4188;

    /// <summary>Lisa Rodes (agent).</summary>
    public const int LisaRodesId = 6691;

    /// <summary>Nick Grachesku (agent).</summary>
    public const int NickGracheskuId = 4761;

    /// <summary>Olena Koval (agentChatOnly).</summary>
    public const int OlenaKovalId = 6694;

    /// <summary>Les Melnik (superviser).</summary>
    public const int LesMelnikId = 6679;

    /// <summary>The "Support" department.</summary>
    public const int SupportDepartmentId = 233046;

    /// <summary>The "Marketing" department.</summary>
    public const int MarketingDepartmentId = 142139;

    /// <summary>The one application (website widget) all seeded chats belong to.</summary>
    public const int ApplicationId = 1042;

    /// <summary>Pending, unassigned, no department (the chat of the docs' update-assignee sample).</summary>
    public const int PendingUnassignedChatId = 5214000;

    /// <summary>Empty chat created through the API, assigned to Derek Swanson (create-chat sample).</summary>
    public const int EmptyChatId = 5215766;

    /// <summary>Closed and rated, assigned to Nick Grachesku, Marketing department.</summary>
    public const int ClosedChatId = 5216120;

    /// <summary>"no communication", unassigned.</summary>
    public const int NoCommunicationChatId = 5216455;

    /// <summary>Opened, snoozed, assigned to Olena Koval, Support department.</summary>
    public const int SnoozedOpenedChatId = 5216804;

    /// <summary>New, unassigned, Support department (2021).</summary>
    public const int NewChatId = 5217001;

    /// <summary>"on hold", assigned to Lisa Rodes (the docs' get-chats sample).</summary>
    public const int OnHoldChatId = 5217453;

    /// <summary>Fills <paramref name="store"/> with the sample data.</summary>
    public static void Fill(EmulatorStore store)
    {
        ArgumentNullException.ThrowIfNull(store);

        store.Upsert(new Agent(DerekSwansonId, "Derek Swanson", "derek.swanson@company.com", AgentRoles.Admin));
        store.Upsert(new Agent(LisaRodesId, "Lisa Rodes", "lisa.rodes@company.com", AgentRoles.Agent));
        store.Upsert(new Agent(NickGracheskuId, "Nick Grachesku", "nick.grachesku@company.com", AgentRoles.Agent));
        store.Upsert(new Agent(OlenaKovalId, "Olena Koval", "olena.koval@company.com", AgentRoles.AgentChatOnly));
        store.Upsert(new Agent(LesMelnikId, "Les Melnik", "les.melnik@company.com", AgentRoles.Superviser));

        store.Upsert(new Department(SupportDepartmentId, "Support", new[] { DerekSwansonId, LisaRodesId, OlenaKovalId }));
        store.Upsert(new Department(MarketingDepartmentId, "Marketing", new[] { DerekSwansonId, NickGracheskuId, LesMelnikId }));

        store.Upsert(new Customer { Id = 8738438, Name = "John Doe", Email = "john@example.com", UserId = "myusers_4188", Company = "Doe Industries", Phone = "+1 202 555 0143", FirstSeen = At(1590000000), LastSeen = At(1601556200) });
        store.Upsert(new Customer { Id = 8740457, Name = "Noah", Email = "noah@example.com", FirstSeen = At(1592332300), LastSeen = At(1612345700) });
        store.Upsert(new Customer { Id = 8801220, Name = "Emma Clarke", Email = "emma.clarke@example.org", UserId = "crm_1021", Company = "Clarke & Sons", FirstSeen = At(1598950000), LastSeen = At(1600266000) });
        store.Upsert(new Customer { Id = 8812345, Name = "Liu Wei", Email = "liu.wei@example.net", Phone = "+86 10 5555 0199", FirstSeen = At(1603700000), LastSeen = At(1603800900) });
        store.Upsert(new Customer { Id = 9740824, Name = "mateus", Email = "mateus@example.com", FirstSeen = At(1593108500), LastSeen = At(1593151200) });

        store.Upsert(new Chat
        {
            Id = PendingUnassignedChatId,
            Status = ChatStatuses.Pending,
            CreatedAt = At(1592332351),
            CustomerId = 8740457,
            LastCustomerMessageAt = At(1592332354),
            LastMessageAt = At(1592332354),
            LastMessageText = "HelpCrunch is the best! Thank you guys.",
            LastMessageId = 8579581,
            ReadByAgent = false,
            ReadByCustomer = true,
            ApplicationId = ApplicationId,
        });
        store.Upsert(new Chat
        {
            Id = EmptyChatId,
            Status = ChatStatuses.Empty,
            CreatedAt = At(1601556114),
            CustomerId = 8738438,
            CreatedWith = "public_api",
            ReadByAgent = true,
            ReadByCustomer = true,
            ApplicationId = ApplicationId,
            AssigneeId = DerekSwansonId,
        });
        store.Upsert(new Chat
        {
            Id = ClosedChatId,
            Status = ChatStatuses.Closed,
            CreatedAt = At(1600264800),
            CustomerId = 8801220,
            ClosedBy = "agent",
            ClosedAt = At(1600268400),
            Rating = "great",
            LastCustomerMessageAt = At(1600265990),
            LastMessageAt = At(1600266120),
            LastMessageText = "Glad I could help, Emma. Have a great day!",
            LastMessageId = 8712004,
            ReadByAgent = true,
            ReadByCustomer = true,
            ApplicationId = ApplicationId,
            LastCommunicatedAgentId = NickGracheskuId,
            AgentIds = new[] { NickGracheskuId },
            AssigneeId = NickGracheskuId,
            DepartmentId = MarketingDepartmentId,
        });
        store.Upsert(new Chat
        {
            Id = NoCommunicationChatId,
            Status = ChatStatuses.NoCommunication,
            CreatedAt = At(1601900000),
            CustomerId = 8738438,
            CreatedWith = "broadcast_reply",
            LastCustomerMessageAt = At(1601900042),
            LastMessageAt = At(1601900042),
            LastMessageText = "ok",
            LastMessageId = 8790112,
            ReadByAgent = false,
            ReadByCustomer = true,
            ApplicationId = ApplicationId,
        });
        store.Upsert(new Chat
        {
            Id = SnoozedOpenedChatId,
            Status = ChatStatuses.Opened,
            CreatedAt = At(1603790000),
            CustomerId = 8812345,
            LastCustomerMessageAt = At(1603800810),
            LastMessageAt = At(1603800870),
            LastMessageText = "Let me check with our billing team and get back to you tomorrow.",
            LastMessageId = 8834561,
            ReadByAgent = true,
            ReadByCustomer = false,
            SnoozedUntil = At(1603864800),
            ApplicationId = ApplicationId,
            LastCommunicatedAgentId = OlenaKovalId,
            AgentIds = new[] { OlenaKovalId, LisaRodesId },
            AssigneeId = OlenaKovalId,
            DepartmentId = SupportDepartmentId,
        });
        store.Upsert(new Chat
        {
            Id = NewChatId,
            Status = ChatStatuses.New,
            CreatedAt = At(1612345678),
            CustomerId = 8740457,
            LastCustomerMessageAt = At(1612345690),
            LastMessageAt = At(1612345690),
            LastMessageText = "Hi! Is there a discount for annual plans?",
            LastMessageId = 9012877,
            ReadByAgent = false,
            ReadByCustomer = true,
            ApplicationId = ApplicationId,
            DepartmentId = SupportDepartmentId,
        });
        store.Upsert(new Chat
        {
            Id = OnHoldChatId,
            Status = ChatStatuses.OnHold,
            CreatedAt = At(1593108596),
            CustomerId = 9740824,
            CreatedWith = "agent_message",
            LastCustomerMessageAt = At(1593108626),
            LastMessageAt = At(1593151172),
            LastMessageText = "Hi Mateus. My name is Lisa.\nI have an offer for you. Can we hop on a quick call this week?",
            LastMessageId = 7758491,
            ReadByAgent = true,
            ReadByCustomer = false,
            ApplicationId = ApplicationId,
            LastCommunicatedAgentId = LisaRodesId,
            AgentIds = new[] { LisaRodesId },
            AssigneeId = LisaRodesId,
        });
    }

    private static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
}
