using System.Text.Json;
using HelpCrunch.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>Every Chat, Agent, Customer and Department example from the docs reads and writes back.</summary>
public sealed class JsonExampleTests
{
    /// <summary>(file, JSON pointer-ish path to the model objects, model).</summary>
    public static TheoryData<string, string, string> ModelExamples => new()
    {
        { "chat-model.response.json", "data[]", "Chat" },
        { "get-chats.response.json", "data[]", "Chat" },
        { "create-chat.response.json", "", "Chat" },
        { "customer-model.response.json", "", "Customer" },
        { "get-customers.response.json", "data[]", "Customer" },
        { "tag-customer.response.json", "", "Customer" },
        { "get-agents.response.json", "data[]", "Agent" },
        { "get-departments.response.json", "data[]", "Department" },
    };

    [Theory]
    [MemberData(nameof(ModelExamples))]
    public void Example_deserializes_and_round_trips(string file, string path, string model)
    {
        using JsonDocument document = JsonDocument.Parse(Examples.Read(file));
        IEnumerable<JsonElement> items = path == "data[]" ? document.RootElement.GetProperty("data").EnumerateArray() : [document.RootElement];

        int count = 0;
        foreach (JsonElement item in items)
        {
            string json = item.GetRawText();
            string first = RoundTrip(model, json);
            // Writing is stable: what we write reads back to an equal value and the same JSON.
            Assert.Equal(first, RoundTrip(model, first));
            count++;
        }

        Assert.True(count > 0);
    }

    private static string RoundTrip(string model, string json) => model switch
    {
        "Chat" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, HelpCrunchJsonContext.Default.Chat)!, HelpCrunchJsonContext.Default.Chat),
        "Customer" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, HelpCrunchJsonContext.Default.Customer)!, HelpCrunchJsonContext.Default.Customer),
        "Agent" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, HelpCrunchJsonContext.Default.Agent)!, HelpCrunchJsonContext.Default.Agent),
        "Department" => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, HelpCrunchJsonContext.Default.Department)!, HelpCrunchJsonContext.Default.Department),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    [Fact]
    public void Old_style_chat_reads_with_every_field()
    {
        using JsonDocument document = JsonDocument.Parse(Examples.Read("get-chats.response.json"));

        Chat chat = JsonSerializer.Deserialize(document.RootElement.GetProperty("data")[0].GetRawText(), HelpCrunchJsonContext.Default.Chat)!;

        Assert.Equal(5217453, chat.Id);
        Assert.Equal("on hold", chat.Status.ToString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1593108596), chat.CreatedAt);
        Assert.Null(chat.ClosedAt);
        Assert.Null(chat.Rating);
        Assert.Equal(6691, chat.Assignee!.Id);
        Assert.Equal(AgentRole.Admin, chat.Assignee.Role);
        Assert.Equal("mateus", chat.Customer.Name);
        Assert.Null(chat.Customer.UserId);
        Assert.Empty(chat.Agents!);
        Assert.Null(chat.Department);
    }

    [Fact]
    public void New_style_chat_reads_string_timestamps_and_unknown_enum_values()
    {
        using JsonDocument document = JsonDocument.Parse(Examples.Read("chat-model.response.json"));

        Chat chat = JsonSerializer.Deserialize(document.RootElement.GetProperty("data")[0].GetRawText(), HelpCrunchJsonContext.Default.Chat)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1603885746), chat.CreatedAt);
        Assert.Equal(ChatRating.Perfect, chat.Rating);
        Assert.Equal(ChatStatus.New, chat.Status);
        // "string" placeholders are not values we know: kept as sent, not mapped to a member.
        Assert.Equal("string", chat.ClosedBy.ToString());
        Assert.False(chat.ClosedBy!.Value.IsKnown);
        Assert.Equal("string", chat.CreatedWith!.Value.ToString());
        Assert.True(chat.ReadByAgent);
    }

    [Fact]
    public void Customer_custom_data_keeps_every_value_kind()
    {
        Customer customer = JsonSerializer.Deserialize(Examples.Read("customer-model.response.json"), HelpCrunchJsonContext.Default.Customer)!;

        Assert.Equal(6, customer.CustomData!.Count);
        Assert.Equal(15.99, customer.CustomData["last_paid_amount"].GetDouble());
        Assert.True(customer.CustomData["last_payment_was_successful"].GetBoolean());
        Assert.Equal("UA", customer.Location!.CountryCode);
        Assert.Equal("vip", Assert.Single(customer.Tags!).Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1603885746), customer.FirstSeen);
    }

    [Fact]
    public void Department_agents_keep_the_documented_role_spelling()
    {
        using JsonDocument document = JsonDocument.Parse(Examples.Read("get-departments.response.json"));

        Department department = JsonSerializer.Deserialize(document.RootElement.GetProperty("data")[1].GetRawText(), HelpCrunchJsonContext.Default.Department)!;

        Assert.Equal("Marketing", department.Name);
        Assert.Equal(AgentRole.Superviser, department.Agents![1].Role);
    }
}
