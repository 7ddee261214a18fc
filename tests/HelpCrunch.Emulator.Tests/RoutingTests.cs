using System.Net;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("GET", "/v1/nope")]
    // Not "/v1/chats/assignees": GET /chats/{chatId:int} makes every /chats/x a known path, and ASP.NET Core's
    // 405 policy runs before the int constraint, so that answers 405 (with Allow: GET).
    [InlineData("PUT", "/v1/chats/assignee/extra")]
    [InlineData("GET", "/v1/customers/abc/tags/x")]
    [InlineData("PUT", "/chats/assignee")] // missing /v1
    [InlineData("GET", "/")]
    [InlineData("POST", "/v2/chats")]
    public async Task Unknown_route_is_404_not_found_envelope(string method, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        var url = new Uri($"http://127.0.0.1:{emulator.Port}{path}");

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") });

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found", "Not found");
    }

    [Fact]
    public async Task Unknown_route_is_404_even_without_a_key()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator, authorization: "");

        using var response = await http.GetAsync(Api.Url(emulator, "/nope"));

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found", "Not found");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Wrong_method_is_405_with_allow_header(string method)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Api.Url(emulator, "/chats/assignee")));

        await Api.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed", "Method not allowed");
        Assert.Contains("PUT", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Paths_are_case_insensitive()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);

        using var response = await http.PutAsync(new Uri($"http://127.0.0.1:{emulator.Port}/V1/Chats/Assignee"), new StringContent("{\"id\":5214000,\"assignee\":4188}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
