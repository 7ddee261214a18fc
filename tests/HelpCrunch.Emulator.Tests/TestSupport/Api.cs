using System.Net;
using System.Text;
using System.Text.Json;

namespace HelpCrunch.Emulator.Tests.TestSupport;

/// <summary>Raw HTTP helpers: the tests talk to the emulator over real loopback HTTP, no client library.</summary>
internal static class Api
{
    public const string DefaultKey = "hc-emulator-key";

    /// <summary>An HttpClient that sends <c>Authorization: Bearer {key}</c> (the emulator's key unless given; none when <paramref name="authorization"/> is empty).</summary>
    public static HttpClient CreateClient(HelpCrunchEmulator emulator, string? authorization = null)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        authorization ??= "Bearer " + emulator.ApiKey;
        if (authorization.Length > 0)
        {
            // Without validation so that deliberately malformed values go out verbatim.
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return http;
    }

    public static Uri Url(HelpCrunchEmulator emulator, string path) => new(emulator.BaseAddress + path);

    public static Task<HttpResponseMessage> PutAssigneeAsync(HttpClient http, HelpCrunchEmulator emulator, string json) =>
        http.PutAsync(Url(emulator, "/chats/assignee"), new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> AssignAsync(HttpClient http, HelpCrunchEmulator emulator, int chatId, int? agentId) =>
        PutAssigneeAsync(http, emulator, $"{{\"id\":{chatId},\"assignee\":{(agentId?.ToString() ?? "null")}}}");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and that the body is exactly the one-element error envelope.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal($"{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"{message}\"}}]}}", body);
    }
}
