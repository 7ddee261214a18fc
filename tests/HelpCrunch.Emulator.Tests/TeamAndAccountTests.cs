using System.Net;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>A1 agents, A2 unsubscribe, P1 departments, O1 organization, AP1 applications.</summary>
public sealed class TeamAndAccountTests
{
    [Fact]
    public async Task Agents_are_paged_with_meta_total()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var page = await Api.JsonAsync(http, emulator, "GET", "/agents?offset=1&limit=2");

        Assert.Equal(5, page.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(emulator.Store.GetAgents().Skip(1).Take(2).Select(a => a.Id), Api.Ids(page));
        Assert.Equal(new[] { "id", "name", "email", "role" }, page.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Unsubscribe_answers_ok_text_and_marks_the_agent()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await http.GetAsync(Api.Url(emulator, $"/agents/{SeedData.LisaRodesId}/unsubscribe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ok", await response.Content.ReadAsStringAsync());
        Assert.True(emulator.Store.FindAgent(SeedData.LisaRodesId)!.Unsubscribed);
        Assert.False(emulator.Store.FindAgent(SeedData.DerekSwansonId)!.Unsubscribed);
    }

    [Fact]
    public async Task Departments_carry_their_agents_and_meta_total()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var list = await Api.JsonAsync(http, emulator, "GET", "/departments");

        Assert.Equal(2, list.GetProperty("meta").GetProperty("total").GetInt32());
        var marketing = list.GetProperty("data").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == SeedData.MarketingDepartmentId);
        Assert.Equal("Marketing", marketing.GetProperty("name").GetString());
        Assert.Equal(new[] { 4188, 4761, 6679 }, marketing.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToArray());
        var limited = await Api.JsonAsync(http, emulator, "GET", "/departments?limit=1");
        Assert.Single(Api.Ids(limited));
    }

    [Fact]
    public async Task Organization_is_wrapped_in_data()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        emulator.Store.Organization = new Organization(542335, "acme", TeamOnline: false, ChatEnabled: true);

        var body = await Api.JsonAsync(http, emulator, "GET", "/organization");

        Assert.Equal("{\"data\":{\"id\":542335,\"domain\":\"acme\",\"teamOnline\":false,\"chatEnabled\":true}}", body.GetRawText());
    }

    [Fact]
    public async Task Applications_are_a_data_array()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        var body = await Api.JsonAsync(http, emulator, "GET", "/applications");

        Assert.Equal(new[] { SeedData.ApplicationId, SeedData.TelegramApplicationId }, Api.Ids(body));
        var widget = body.GetProperty("data")[0];
        Assert.Equal(new[] { "id", "name", "displayName", "active", "type" }, widget.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(widget.GetProperty("active").GetBoolean());
        Assert.False(body.GetProperty("data")[1].GetProperty("active").GetBoolean());
    }
}
