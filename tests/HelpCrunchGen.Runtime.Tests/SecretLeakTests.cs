namespace HelpCrunchGen.Runtime.Tests;

/// <summary>The API key must not appear in any exception, whatever went wrong.</summary>
public sealed class SecretLeakTests
{
    private const string Key = TestClient.ApiKey;

    public static TheoryData<string> FailureScenarios =>
    [
        "400 validation",
        "401 echoing the key",
        "403 html echoing the key",
        "429 with Retry-After",
        "500 html",
        "502 empty",
        "200 malformed",
        "200 echoing the key in malformed JSON",
        "200 truncated",
        "200 wrong type",
        "200 not in the list",
    ];

    [Theory]
    [MemberData(nameof(FailureScenarios))]
    public async Task ApiException_NeverContainsTheKey(string scenario)
    {
        int[] successCodes = scenario == "200 not in the list" ? [201] : TestClient.Ok;
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => CreateResponse(scenario)));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "chats/1"), "getChat", successCodes, TestClient.ReadChat, CancellationToken.None));

        AssertNoKey(ex.ToString());
        AssertNoKey(ex.Message);
        AssertNoKey(ex.ResponseBodyExcerpt);
        foreach (ApiError error in ex.Errors)
        {
            AssertNoKey(error.Code);
            AssertNoKey(error.Message);
        }
    }

    [Fact]
    public async Task EchoedKey_IsMaskedButTheRestIsKept()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => CreateResponse("401 echoing the key")));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal("Invalid token ***", ex.Errors[1].Message);
        Assert.Contains("Bearer ***", ex.ResponseBodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationErrors_NeverContainTheKey()
    {
        var options = new ApiClientOptions { ApiKey = Key, BaseAddress = new Uri("http://example.com/v1") };

        ArgumentException ex = Assert.Throws<ArgumentException>(() => new ApiConnection(new HttpClient(), options, TestClient.DefaultBaseAddress));

        AssertNoKey(ex.ToString());
        AssertNoKey(options.ToString());
    }

    private static HttpResponseMessage CreateResponse(string scenario)
    {
        switch (scenario)
        {
            case "400 validation":
                return Responses.Json(HttpStatusCode.BadRequest, Examples.Read("common.error-400-generic-validation.json"));
            case "401 echoing the key":
                return Responses.Json(
                    HttpStatusCode.Unauthorized,
                    $$$"""{"errors":[{"code":"invalid_request","message":"Invalid request"},{"code":"unauthorized","message":"Invalid token {{{Key}}}"}],"debug":{"authorization":"Bearer {{{Key}}}"}}""");
            case "403 html echoing the key":
                // The second copy of the key straddles the point where the excerpt is cut.
                string head = $"<html><pre>Authorization: Bearer {Key}</pre>";
                return Responses.Text(HttpStatusCode.Forbidden, head + new string(' ', 1010 - head.Length) + Key + "</html>", "text/html");
            case "429 with Retry-After":
                HttpResponseMessage response = Responses.Json(HttpStatusCode.TooManyRequests, Examples.Read("common.error-429-too-many-requests.json"));
                response.Headers.TryAddWithoutValidation("Retry-After", "5");
                return response;
            case "500 html":
                return Responses.Text(HttpStatusCode.InternalServerError, "<html><body>Internal Server Error</body></html>", "text/html");
            case "502 empty":
                return new HttpResponseMessage(HttpStatusCode.BadGateway);
            case "200 malformed":
                return Responses.Json(HttpStatusCode.OK, "{\"id\":1,,}");
            case "200 echoing the key in malformed JSON":
                return Responses.Json(HttpStatusCode.OK, $"{{\"id\":1,\"token\":\"{Key}\",,}}");
            case "200 truncated":
                return Responses.Json(HttpStatusCode.OK, "{\"id\":1,\"status\":\"ope");
            case "200 wrong type":
                return Responses.Json(HttpStatusCode.OK, $"{{\"id\":\"{Key}\",\"status\":\"x\"}}");
            case "200 not in the list":
                return Responses.Json(HttpStatusCode.OK, "{\"id\":1,\"status\":\"x\"}");
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }
    }

    private static void AssertNoKey(string? text)
    {
        if (text is not null)
        {
            Assert.DoesNotContain(Key.Substring(0, 12), text, StringComparison.Ordinal);
        }
    }
}
