using System.Net;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>C3 POST /chats/search and U3 POST /customers/search: every field kind and operator, AND/OR, type checks.</summary>
public sealed class SearchTests
{
    [Theory]
    [InlineData("customers.email", "~", "\"gmail\"", new[] { SeedData.OliverSmithId, SeedData.AnnaKowalskaId })]
    [InlineData("customers.email", "=", "\"NOAH@example.com\"", new[] { SeedData.NoahId })]
    [InlineData("customers.city", "!=", "\"London\"", new[] { 8738438, 8740457, 8801220, 8812345, 8900001, 8900003, 8900004, 8900005, 9740824 })]
    [InlineData("customers.name", "!~", "A", new[] { 8738438, 8812345, 8900002 })] // case-insensitive: "Noah" contains "a"
    [InlineData("customers.id", "=", "8900004", new[] { 8900004 })]
    [InlineData("customers.id", ">", "8900003", new[] { 8900004, 8900005, 9740824 })]
    [InlineData("customers.id", "<", "8740457", new[] { 8738438 })]
    [InlineData("customers.id", ">=", "8900005", new[] { 8900005, 9740824 })]
    [InlineData("customers.id", "<=", "8740457", new[] { 8738438, 8740457 })]
    [InlineData("customers.lastSeen", ">", "1612400500", new[] { 8900003, 8900005 })]
    [InlineData("customers.lastSeen", "<=", "1593151200.5", new[] { 9740824 })]
    [InlineData("customers.createdAt", ">=", "1612490000", new[] { 8900003, 8900005 })]
    [InlineData("customers.userId", "~", "\"crm_\"", new[] { 8801220, 8900001, 8900005 })]
    [InlineData("customers.telegramId", "=", "\"sofia_g\"", new[] { 8900001 })]
    [InlineData("customers.facebookId", "=", "\"anna.k\"", new[] { 8900003 })]
    [InlineData("customers.instagramId", "~", "\"kenji\"", new[] { 8900004 })]
    [InlineData("customers.viberId", "=", "\"kenji-viber\"", new[] { 8900004 })]
    [InlineData("customers.whatsappId", "=", "\"8610555501\"", new[] { 8812345 })]
    [InlineData("customers.company", "~", "\"&\"", new[] { 8801220 })]
    [InlineData("customers.phone", "~", "\"+81\"", new[] { 8900004 })]
    [InlineData("customers.countryCode", "=", "\"gb\"", new[] { 8801220, 8900002 })]
    [InlineData("customers.regionCode", "=", "\"Madrid\"", new[] { 8900001 })]
    [InlineData("customers.tagsData", "=", "[{\"name\": \"Paid\"}]", new[] { 8900001, 8900002, 8900005 })]
    public async Task Customer_search_matches_by_field_and_operator(string field, string op, string value, int[] expected)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        if (!value.StartsWith('"') && !value.StartsWith('[') && !char.IsDigit(value[0]))
        {
            value = $"\"{value}\"";
        }

        var result = await Api.JsonAsync(http, emulator, "POST", "/customers/search", $"{{\"filter\": [{{\"field\": \"{field}\", \"operator\": \"{op}\", \"value\": {value}}}]}}");

        Assert.Equal(expected, Api.Ids(result));
        Assert.Equal(expected.Length, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Several_tags_in_one_filter_match_customers_with_all_of_them()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var all = await Search(http, emulator, "{\"filter\": [{\"field\": \"customers.tagsData\", \"operator\": \"=\", \"value\": [{\"name\": \"Lead\"}, {\"name\": \"Paid\"}]}]}");
        var plainNames = await Search(http, emulator, "{\"filter\": [{\"field\": \"customers.tagsData\", \"operator\": \"=\", \"value\": [\"vip\", \"paid\"]}]}");
        var any = await Search(http, emulator, """
            {"comparison": "OR", "filter": [{"field": "customers.tagsData", "operator": "=", "value": [{"name": "Lead"}]},
                                            {"field": "customers.tagsData", "operator": "=", "value": [{"name": "Paid"}]}]}
            """);

        Assert.Equal(new[] { SeedData.SofiaGarciaId, SeedData.PriyaPatelId }, all);
        Assert.Equal(new[] { SeedData.PriyaPatelId }, plainNames);
        Assert.Equal(new[] { 8900001, 8900002, 8900003, 8900005 }, any);
    }

    [Fact]
    public async Task Comparison_and_needs_every_filter_and_or_any_in_either_case()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        string filters = "[{\"field\": \"customers.email\", \"operator\": \"~\", \"value\": \"gmail\"}, {\"field\": \"customers.countryCode\", \"operator\": \"=\", \"value\": \"PL\"}]";

        var implicitAnd = await Search(http, emulator, $"{{\"filter\": {filters}}}");
        var and = await Search(http, emulator, $"{{\"comparison\": \"AND\", \"filter\": {filters}}}");
        var or = await Search(http, emulator, $"{{\"comparison\": \"or\", \"filter\": {filters}}}");

        Assert.Equal(new[] { SeedData.AnnaKowalskaId }, implicitAnd);
        Assert.Equal(new[] { SeedData.AnnaKowalskaId }, and);
        Assert.Equal(new[] { SeedData.OliverSmithId, SeedData.AnnaKowalskaId }, or);
    }

    [Fact]
    public async Task The_docs_customer_sample_sorts_pages_and_totals()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        // The docs' multiple-filter sample: gmail or tag Paid, sorted by lastSeen ASC, with paging in the body.
        var first = await Api.JsonAsync(http, emulator, "POST", "/customers/search", """
            {"comparison": "OR", "filter": [{"field": "customers.email", "operator": "~", "value": "gmail"},
             {"field": "customers.tagsData", "operator": "=", "value": [{"name": "Paid"}]}],
             "limit": 2, "offset": 0, "sort": "customers.lastSeen", "order": "ASC"}
            """);
        var second = await Api.JsonAsync(http, emulator, "POST", "/customers/search", """
            {"comparison": "OR", "filter": [{"field": "customers.email", "operator": "~", "value": "gmail"},
             {"field": "customers.tagsData", "operator": "=", "value": [{"name": "Paid"}]}],
             "limit": 2, "offset": 2, "sort": "customers.lastSeen", "order": "desc"}
            """);

        Assert.Equal(new[] { SeedData.SofiaGarciaId, SeedData.OliverSmithId }, Api.Ids(first));
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Assert.Equal(new[] { SeedData.OliverSmithId, SeedData.SofiaGarciaId }, Api.Ids(second));
    }

    [Theory]
    [InlineData("chats.status", "=", "\"on-hold\"", new[] { SeedData.OnHoldChatId })]
    [InlineData("chats.status", "!=", "\"closed\"", new[] { 5214000, 5215766, 5216455, 5216804, 5217001, 5217453, 5218003 })]
    [InlineData("chats.assignee", "=", "4188", new[] { SeedData.EmptyChatId, SeedData.ClosedUnratedChatId })]
    [InlineData("chats.assignee", "!=", "4188", new[] { 5214000, 5216120, 5216455, 5216804, 5217001, 5217453, 5218002, 5218003 })]
    [InlineData("chats.agents", "=", "6691", new[] { SeedData.SnoozedOpenedChatId, SeedData.OnHoldChatId })]
    [InlineData("chats.department", "=", "142139", new[] { SeedData.ClosedChatId, SeedData.PendingMarketingChatId })]
    [InlineData("chats.createdAt", ">=", "1612345678", new[] { 5217001, 5218001, 5218002, 5218003 })]
    [InlineData("chats.createdAt", "<", "1593108596", new[] { SeedData.PendingUnassignedChatId })]
    [InlineData("chats.updatedAt", ">", "1612599989", new[] { SeedData.PendingMarketingChatId })]
    [InlineData("chats.closedAt", "<=", "1612400400", new[] { SeedData.ClosedChatId, SeedData.ClosedUnratedChatId })]
    [InlineData("chats.rating", "=", "\"great\"", new[] { SeedData.ClosedChatId })]
    [InlineData("chats.customer", "=", "8740457", new[] { SeedData.PendingUnassignedChatId, SeedData.NewChatId })]
    [InlineData("chats.customer.email", "~", "\"GMAIL\"", new[] { SeedData.ClosedUnratedChatId, SeedData.ClosedWithoutAgentMessageChatId })]
    [InlineData("chats.customer.userId", "=", "\"crm_1021\"", new[] { SeedData.ClosedChatId })]
    [InlineData("chats.customer.tagsData", "=", "[{\"name\": \"Lead\"}]", new[] { SeedData.ClosedWithoutAgentMessageChatId, SeedData.PendingMarketingChatId })]
    public async Task Chat_search_matches_by_field_and_operator(string field, string op, string value, int[] expected)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var result = await Api.JsonAsync(http, emulator, "POST", "/chats/search", $"{{\"filter\": [{{\"field\": \"{field}\", \"operator\": \"{op}\", \"value\": {value}}}]}}");

        Assert.Equal(expected, Api.Ids(result));
        Assert.Equal(expected.Length, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Chat_search_sorts_and_pages_in_the_body()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var result = await Api.JsonAsync(http, emulator, "POST", "/chats/search", """
            {"filter": [{"field": "chats.createdAt", "operator": ">", "value": 0}], "sort": "chats.lastMessageAt", "order": "DESC", "offset": 1, "limit": 2}
            """);

        Assert.Equal(new[] { SeedData.ClosedWithoutAgentMessageChatId, SeedData.ClosedUnratedChatId }, Api.Ids(result));
        Assert.Equal(10, result.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.createdAt\", \"operator\": \">=\", \"value\": \"18 Jun 2020\"}]}", "filter[0].value")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.createdAt\", \"operator\": \">=\", \"value\": \"1603885746\"}]}", "filter[0].value")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"=\", \"value\": \"4188\"}]}", "filter[0].value")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"=\", \"value\": 41.5}]}", "filter[0].value")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.status\", \"operator\": \"=\", \"value\": 3}]}", "filter[0].value")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.customer.tagsData\", \"operator\": \"=\", \"value\": \"Lead\"}]}", "filter[0].value")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.status\", \"operator\": \">\", \"value\": \"new\"}]}", "filter[0].operator")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"~\", \"value\": 4188}]}", "filter[0].operator")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.customer.tagsData\", \"operator\": \"!=\", \"value\": [{\"name\": \"Lead\"}]}]}", "filter[0].operator")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"==\", \"value\": 4188}]}", "filter[0].operator")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.id\", \"operator\": \"=\", \"value\": 1}]}", "filter[0].field")]
    [InlineData("/chats/search", "{\"filter\": [{\"operator\": \"=\", \"value\": 1}]}", "filter[0].field")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"=\"}]}", "filter[0].value")]
    [InlineData("/chats/search", "{\"filter\": []}", "filter")]
    [InlineData("/chats/search", "{}", "filter")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"=\", \"value\": 1}], \"comparison\": \"XOR\"}", "comparison")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"=\", \"value\": 1}], \"limit\": 0}", "limit")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"=\", \"value\": 1}], \"limit\": 101}", "limit")]
    [InlineData("/chats/search", "{\"filter\": [{\"field\": \"chats.assignee\", \"operator\": \"=\", \"value\": 1}], \"sort\": \"customers.lastSeen\"}", "sort")]
    [InlineData("/customers/search", "{\"filter\": [{\"field\": \"customers.lastSeen\", \"operator\": \">\", \"value\": \"2021-01-01\"}]}", "filter[0].value")]
    [InlineData("/customers/search", "{\"filter\": [{\"field\": \"customers.email\", \"operator\": \"=\", \"value\": 5}]}", "filter[0].value")]
    [InlineData("/customers/search", "{\"filter\": [{\"field\": \"customers.id\", \"operator\": \"=\", \"value\": \"8738438\"}]}", "filter[0].value")]
    [InlineData("/customers/search", "{\"filter\": [{\"field\": \"customers.tagsData\", \"operator\": \"=\", \"value\": [{\"color\": \"#fff\"}]}]}", "filter[0].value")]
    [InlineData("/customers/search", "{\"filter\": [{\"field\": \"customers.email\", \"operator\": \"<\", \"value\": \"a\"}]}", "filter[0].operator")]
    [InlineData("/customers/search", "{\"filter\": [{\"field\": \"customers.id\", \"operator\": \"=\", \"value\": 1}, {\"field\": \"chats.status\", \"operator\": \"=\", \"value\": \"new\"}]}", "filter[1].field")]
    [InlineData("/customers/search", "{\"filter\": [{\"field\": \"customers.id\", \"operator\": \"=\", \"value\": 1}], \"offset\": -1}", "offset")]
    public async Task A_bad_filter_is_400_naming_it(string path, string body, string code)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, "POST", path, body, HttpStatusCode.BadRequest, "invalid_request", code);
    }

    [Fact]
    public async Task A_type_mismatch_in_the_old_style_is_invalid_request_naming_the_path()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var errors = await Api.AssertCodesAsync(http, emulator, "POST", "/chats/search",
            "{\"filter\": [{\"field\": \"chats.createdAt\", \"operator\": \">=\", \"value\": \"18 Jun 2020\"}]}", HttpStatusCode.BadRequest, "invalid_request");

        Assert.StartsWith("filter[0].value: ", errors[0].GetProperty("message").GetString());
    }

    private static async Task<int[]> Search(HttpClient http, HelpCrunchEmulator emulator, string body) =>
        Api.Ids(await Api.JsonAsync(http, emulator, "POST", "/customers/search", body));
}
