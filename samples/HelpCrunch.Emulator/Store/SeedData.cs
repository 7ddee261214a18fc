using System;
using System.Collections.Generic;

namespace HelpCrunch.Emulator.Store;

/// <summary>
/// The deterministic sample data every emulator starts with (no randomness, no clock): five agents
/// covering all roles, two departments, two applications, an organization, ten customers (tags,
/// locations, custom data, messenger ids) and ten chats — every documented status, with their
/// messages — with ids and texts borrowed from the docs' own samples (see <c>tests/data/helpcrunch</c>).
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

    /// <summary>The website widget, the application of most seeded chats.</summary>
    public const int ApplicationId = 1042;

    /// <summary>The (inactive) Telegram integration.</summary>
    public const int TelegramApplicationId = 1043;

    /// <summary>John Doe (tag vip, custom data, device), the customer of the docs' create-chat sample.</summary>
    public const int JohnDoeId = 8738438;

    /// <summary>Noah, no user id.</summary>
    public const int NoahId = 8740457;

    /// <summary>Sofia García: tags Lead and Paid, Telegram id.</summary>
    public const int SofiaGarciaId = 8900001;

    /// <summary>Oliver Smith: tag Paid, unsubscribed, gmail.</summary>
    public const int OliverSmithId = 8900002;

    /// <summary>Anna Kowalska: tag Lead, gmail.</summary>
    public const int AnnaKowalskaId = 8900003;

    /// <summary>Priya Patel: tags vip, Lead and Paid.</summary>
    public const int PriyaPatelId = 8900005;

    /// <summary>Closed by the customer, not rated, with an agent message: the one chat that can be rated.</summary>
    public const int ClosedUnratedChatId = 5218001;

    /// <summary>Closed, not rated, but only customer messages and a private note: rating it fails.</summary>
    public const int ClosedWithoutAgentMessageChatId = 5218002;

    /// <summary>Pending, assigned to Les Melnik, Marketing, Telegram application.</summary>
    public const int PendingMarketingChatId = 5218003;

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

        store.Upsert(new Application(ApplicationId, "Website", "Website widget", Active: true, "widget"));
        store.Upsert(new Application(TelegramApplicationId, "Support bot", "Telegram", Active: false, "telegram"));
        store.Organization = new Organization(27513, "emulator-demo", TeamOnline: true, ChatEnabled: true);

        var vip = new Tag("vip", "#ff0000");
        var lead = new Tag("Lead", "#ccc");
        var paid = new Tag("Paid", "#c377e0");

        store.Upsert(new Customer
        {
            Id = JohnDoeId, Name = "John Doe", Email = "john@example.com", UserId = "myusers_4188", Company = "Doe Industries", Phone = "+1 202 555 0143",
            FirstSeen = At(1590000000), LastSeen = At(1601556200), CreatedAt = At(1590000000),
            RegionCode = "Kyyivs'ka Oblast", CountryCode = "UA", City = "Kyiv",
            Device = new CustomerDevice(542335, "192.168.1.1", "Europe/Kiev", "desktop", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.111 Safari/537.36"),
            Source = "https://example.com", Referer = "https://example.com", LastPage = "https://example.com/pricing", Locale = "uk", Notes = "Lorem ipsum",
            CreatedFrom = "telegram", IntegrationId = "465847687",
            Tags = new[] { vip },
            CustomData = new KeyValuePair<string, string>[]
            {
                new("subscription_status", "\"active\""),
                new("number_of_payments", "15"),
                new("last_paid_amount", "15.99"),
                new("last_payment_was_successful", "true"),
            },
        });
        store.Upsert(new Customer { Id = NoahId, Name = "Noah", Email = "noah@example.com", FirstSeen = At(1592332300), LastSeen = At(1612345700), CreatedAt = At(1592332300), CountryCode = "US", City = "Boston", Locale = "en" });
        store.Upsert(new Customer { Id = 8801220, Name = "Emma Clarke", Email = "emma.clarke@example.org", UserId = "crm_1021", Company = "Clarke & Sons", FirstSeen = At(1598950000), LastSeen = At(1600266000), CreatedAt = At(1598950000), CountryCode = "GB", City = "Leeds" });
        store.Upsert(new Customer { Id = 8812345, Name = "Liu Wei", Email = "liu.wei@example.net", Phone = "+86 10 5555 0199", FirstSeen = At(1603700000), LastSeen = At(1603800900), CreatedAt = At(1603700000), Messengers = new MessengerIds(WhatsappId: "8610555501") });
        store.Upsert(new Customer { Id = 9740824, Name = "mateus", Email = "mateus@example.com", FirstSeen = At(1593108500), LastSeen = At(1593151200), CreatedAt = At(1593108500), CountryCode = "BR", City = "Recife", Locale = "pt" });
        store.Upsert(new Customer
        {
            Id = SofiaGarciaId, Name = "Sofia García", Email = "sofia@example.es", UserId = "crm_2001", Company = "Garcia Travel",
            FirstSeen = At(1611000000), LastSeen = At(1612000000), CreatedAt = At(1611000000), RegionCode = "Madrid", CountryCode = "ES", City = "Madrid",
            Locale = "es", CreatedFrom = "telegram", IntegrationId = "593114870", Messengers = new MessengerIds(TelegramId: "sofia_g"), Tags = new[] { lead, paid },
        });
        store.Upsert(new Customer { Id = OliverSmithId, Name = "Oliver Smith", Email = "oliver.smith@gmail.com", FirstSeen = At(1612300000), LastSeen = At(1612400500), CreatedAt = At(1612300000), CountryCode = "GB", City = "London", Unsubscribed = true, Tags = new[] { paid } });
        store.Upsert(new Customer { Id = AnnaKowalskaId, Name = "Anna Kowalska", Email = "anna.kowalska@gmail.com", FirstSeen = At(1612490000), LastSeen = At(1612500100), CreatedAt = At(1612490000), CountryCode = "PL", City = "Warsaw", Locale = "pl", Messengers = new MessengerIds(FacebookId: "anna.k"), Tags = new[] { lead } });
        store.Upsert(new Customer { Id = 8900004, Name = "Kenji Sato", Email = "kenji@example.jp", Phone = "+81 3 5555 0123", FirstSeen = At(1605000000), LastSeen = At(1605000500), CreatedAt = At(1605000000), CountryCode = "JP", City = "Tokyo", Blocked = true, Messengers = new MessengerIds(ViberId: "kenji-viber", InstagramId: "kenji.sato") });
        store.Upsert(new Customer
        {
            Id = PriyaPatelId, Name = "Priya Patel", Email = "priya@patel.example.in", UserId = "crm_2002", Company = "Patel Tech", Phone = "+91 22 5555 0187",
            FirstSeen = At(1612590000), LastSeen = At(1612600400), CreatedAt = At(1612590000), CountryCode = "IN", City = "Mumbai", Locale = "en",
            Tags = new[] { vip, lead, paid },
            CustomData = new KeyValuePair<string, string>[] { new("seats", "20"), new("plan", "\"business\"") },
        });

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
        store.Upsert(new Chat
        {
            Id = ClosedUnratedChatId,
            Status = ChatStatuses.Closed,
            CreatedAt = At(1612399990),
            CustomerId = OliverSmithId,
            ClosedBy = "customer",
            ClosedAt = At(1612400400),
            LastCustomerMessageAt = At(1612400000),
            LastMessageAt = At(1612400100),
            LastMessageText = "Yes, we do: 5 to 7 days.",
            LastMessageId = 9100002,
            ReadByAgent = true,
            ReadByCustomer = true,
            ApplicationId = ApplicationId,
            LastCommunicatedAgentId = DerekSwansonId,
            AgentIds = new[] { DerekSwansonId },
            AssigneeId = DerekSwansonId,
            DepartmentId = SupportDepartmentId,
        });
        store.Upsert(new Chat
        {
            Id = ClosedWithoutAgentMessageChatId,
            Status = ChatStatuses.Closed,
            CreatedAt = At(1612499890),
            CustomerId = AnnaKowalskaId,
            ClosedBy = "customer",
            ClosedAt = At(1612500300),
            LastCustomerMessageAt = At(1612500000),
            LastMessageAt = At(1612500000),
            LastMessageText = "Never mind, found it.",
            LastMessageId = 9100011,
            ReadByAgent = true,
            ReadByCustomer = true,
            ApplicationId = ApplicationId,
        });
        store.Upsert(new Chat
        {
            Id = PendingMarketingChatId,
            Status = ChatStatuses.Pending,
            CreatedAt = At(1612599990),
            CustomerId = PriyaPatelId,
            CreatedWith = "customer_message",
            LastCustomerMessageAt = At(1612600400),
            LastMessageAt = At(1612600400),
            LastMessageText = "Thursday is great.",
            LastMessageId = 9100022,
            ReadByAgent = false,
            ReadByCustomer = true,
            ApplicationId = TelegramApplicationId,
            LastCommunicatedAgentId = LesMelnikId,
            AgentIds = new[] { LesMelnikId },
            AssigneeId = LesMelnikId,
            DepartmentId = MarketingDepartmentId,
        });

        // Each chat's messages end with the chat's lastMessage* values.
        AddMessages(store, PendingUnassignedChatId,
            (8579580, null, 1592332351, "Hi! Quick question about your API."),
            (8579581, null, 1592332354, "HelpCrunch is the best! Thank you guys."));
        AddMessages(store, ClosedChatId,
            (8712001, null, 1600264800, "My invoice shows the wrong VAT number."),
            (8712002, NickGracheskuId, 1600265000, "Sorry about that, Emma. Let me fix it."),
            (8712003, null, 1600265990, "Thanks, that worked!"),
            (8712004, NickGracheskuId, 1600266120, "Glad I could help, Emma. Have a great day!"));
        AddMessages(store, NoCommunicationChatId,
            (8790112, null, 1601900042, "ok"));
        AddMessages(store, SnoozedOpenedChatId,
            (8834558, null, 1603790000, "Hello? Can I get a refund for last month?"),
            (8834559, LisaRodesId, 1603800500, "Hi Liu, Lisa here. Let me hand you over to billing."),
            (8834560, null, 1603800810, "Sure, thanks."),
            (8834561, OlenaKovalId, 1603800870, "Let me check with our billing team and get back to you tomorrow."));
        AddMessages(store, NewChatId,
            (9012877, null, 1612345690, "Hi! Is there a discount for annual plans?"));
        AddMessages(store, OnHoldChatId,
            (7758490, null, 1593108626, "Hi"),
            (7758491, LisaRodesId, 1593151172, "Hi Mateus. My name is Lisa.\nI have an offer for you. Can we hop on a quick call this week?"));
        AddMessages(store, ClosedUnratedChatId,
            (9100001, null, 1612400000, "Do you ship to Canada?"),
            (9100002, DerekSwansonId, 1612400100, "Yes, we do: 5 to 7 days."));
        AddMessages(store, ClosedWithoutAgentMessageChatId,
            (9100009, null, 1612499900, "Where is my order #1234?"),
            (9100011, null, 1612500000, "Never mind, found it."));
        store.Upsert(new Message { Id = 9100010, ChatId = ClosedWithoutAgentMessageChatId, Type = "private", AgentId = LesMelnikId, Text = "Looks like a duplicate order.", CreatedAt = At(1612499950), Read = true });
        AddMessages(store, PendingMarketingChatId,
            (9100020, null, 1612599990, "Can we get a demo for 20 seats?"),
            (9100021, LesMelnikId, 1612600300, "Sure, does Thursday work?"),
            (9100022, null, 1612600400, "Thursday is great."));
    }

    private static void AddMessages(EmulatorStore store, int chatId, params (int Id, int? AgentId, long At, string Text)[] messages)
    {
        foreach (var (id, agentId, at, text) in messages)
        {
            store.Upsert(new Message { Id = id, ChatId = chatId, Type = "message", AgentId = agentId, Text = text, CreatedAt = At(at), Read = true });
        }
    }

    private static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
}
