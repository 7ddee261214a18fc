using System.Net;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>The two documented envelopes (docs §1.1): old = the one specific code; new = invalid_request first, then the specific one.</summary>
public sealed class ErrorStyleTests
{
    public static TheoryData<string, string, string?, HttpStatusCode, string, string> Cases => new()
    {
        // method, path, body, status, old code, new code (after invalid_request)
        { "PUT", "/chats/assignee", "{\"id\": 1, \"assignee\": 4188}", HttpStatusCode.NotFound, "chat_not_found", "not_found" },
        { "GET", "/chats/1", null, HttpStatusCode.NotFound, "chat_not_found", "not_found" },
        { "PUT", "/chats/assignee", "{\"id\": 5214000, \"assignee\": 1}", HttpStatusCode.BadRequest, "invalid_chat_value", "assignee" },
        { "PUT", "/chats/status", "{\"id\": 5214000, \"status\": \"x\"}", HttpStatusCode.BadRequest, "invalid_chat_value", "status" },
        { "PUT", "/chats/department", "{\"id\": 5214000, \"department\": 1}", HttpStatusCode.BadRequest, "invalid_chat_value", "department" },
        { "POST", "/messages", "{\"chat\": \"x\"}", HttpStatusCode.BadRequest, "invalid_chat_value", "chat" },
        { "POST", "/messages", "{\"chat\": 5214000, \"text\": \"x\", \"type\": \"message\", \"agent\": 1}", HttpStatusCode.NotFound, "entity_not_found", "not_found" },
        { "GET", "/customers/1", null, HttpStatusCode.NotFound, "entity_not_found", "not_found" },
        { "DELETE", "/customers/1", null, HttpStatusCode.NotFound, "not_found", "not_found" },
        { "POST", "/events", "{\"name\": \"x\", \"customer\": 1}", HttpStatusCode.NotFound, "entity_not_found", "not_found" },
        { "GET", "/agents/1/unsubscribe", null, HttpStatusCode.NotFound, "not_found", "not_found" },
        { "POST", "/customers", "{\"userId\": \"myusers_4188\"}", HttpStatusCode.BadRequest, "invalid_userId_value", "invalid_userId_value" },
        { "GET", "/chats?limit=0", null, HttpStatusCode.BadRequest, "invalid_request", "limit" },
        { "PUT", "/chats/readByAgent", "{\"id\": 1, \"read\": true}", HttpStatusCode.NotFound, "not_fount", "not_fount" },
        { "GET", "/nope", null, HttpStatusCode.NotFound, "not_found", "not_found" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Old_style_sends_the_one_specific_code(string method, string path, string? body, HttpStatusCode status, string oldCode, string newCode)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        await Api.AssertCodesAsync(http, emulator, method, path, body, status, oldCode);
        _ = newCode; // checked by the new-style test
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task New_style_sends_invalid_request_then_the_specific_code(string method, string path, string? body, HttpStatusCode status, string oldCode, string newCode)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        var errors = await Api.AssertCodesAsync(http, emulator, method, path, body, status, "invalid_request", newCode);

        Assert.Equal("Invalid request", errors[0].GetProperty("message").GetString());
        _ = oldCode; // checked by the old-style test
    }

    [Fact]
    public async Task New_style_401_and_429_are_the_documented_pairs()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New, RequestsPerMinute = 1 });
        using var bad = Api.CreateClient(emulator, "Bearer wrong");
        using var good = Api.CreateClient(emulator);

        var unauthorized = await Api.AssertCodesAsync(bad, emulator, "GET", "/agents", null, HttpStatusCode.Unauthorized, "invalid_request", "unauthorized");
        await Api.JsonAsync(good, emulator, "GET", "/agents");
        var limited = await Api.AssertCodesAsync(good, emulator, "GET", "/agents", null, HttpStatusCode.TooManyRequests, "invalid_request", "too_many_requests");

        Assert.Equal("Unauthorized", unauthorized[1].GetProperty("message").GetString());
        Assert.Equal("Too many requests", limited[1].GetProperty("message").GetString());
    }

    [Fact]
    public async Task New_style_validation_entries_carry_the_property_path_as_the_code()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ErrorStyle = EmulatorErrorStyle.New });
        using var http = Api.CreateClient(emulator);

        var errors = await Api.AssertCodesAsync(http, emulator, "POST", "/chats", "{\"customer\": \"x\", \"application\": 1042}", HttpStatusCode.BadRequest, "invalid_request", "customer");

        // The docs' generic sample has exactly this entry.
        Assert.Equal("This value should be of type numeric.", errors[1].GetProperty("message").GetString());
    }
}
