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

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> (under /v1) with an optional JSON body (DELETE included).</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient http, HelpCrunchEmulator emulator, string method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Url(emulator, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }

    /// <summary>Sends the request, asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpClient http, HelpCrunchEmulator emulator, string method, string path, string? json = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(http, emulator, method, path, json);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

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

    /// <summary>Sends the request and asserts the status and the envelope's codes, in order.</summary>
    public static async Task<JsonElement> AssertCodesAsync(HttpClient http, HelpCrunchEmulator emulator, string method, string path, string? json, HttpStatusCode status, params string[] codes)
    {
        using var response = await SendAsync(http, emulator, method, path, json);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        var errors = document.RootElement.GetProperty("errors");
        Assert.Equal(codes, errors.EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToArray());
        Assert.All(errors.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        return errors.Clone();
    }

    public static int[] Ids(JsonElement list) => list.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToArray();
}
