namespace HelpCrunchGen.Runtime.Tests;

public sealed class ApiConnectionRequestTests
{
    [Fact]
    public void CreateRequest_AddsBearerAuthorizationAndAcceptJson()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));

        using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Put, "chats/assignee");

        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("Bearer " + TestClient.ApiKey, Assert.Single(request.Headers.GetValues("Authorization")));
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(TestClient.ApiKey, request.Headers.Authorization.Parameter);
        Assert.Equal("application/json", Assert.Single(request.Headers.GetValues("Accept")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void CreateRequest_WithoutKey_SendsNoAuthorization(string? apiKey)
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()), apiKey);

        using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, "chats");

        Assert.False(request.Headers.Contains("Authorization"));
    }

    [Fact]
    public async Task SetJsonContent_SendsTheWrittenBytesAsUtf8Json()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        ApiConnection connection = TestClient.Create(handler);
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Put, "chats/assignee");

        connection.SetJsonContent(request, (Chat: 42L, Agent: 7), static (writer, value) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", value.Chat);
            writer.WriteStartObject("assignee");
            writer.WriteNumber("id", value.Agent);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        await connection.SendAsync(request, "updateChatAssignee", TestClient.Ok, CancellationToken.None);

        CapturedRequest sent = handler.SingleRequest;
        byte[] expected = """{"id":42,"assignee":{"id":7}}"""u8.ToArray();
        Assert.Equal(expected, sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        Assert.Equal(expected.Length, sent.ContentLength);
        Assert.Equal("Bearer " + TestClient.ApiKey, Assert.Single(sent.Headers["Authorization"]));
    }

    [Fact]
    public async Task SetJsonContent_LargeAndNonAsciiBodies_RoundTrip()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        ApiConnection connection = TestClient.Create(handler);
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Post, "messages");
        string text = string.Concat(Enumerable.Repeat("Zażółć gęślą jaźń 😀 <b>&amp;</b> ", 5000));

        connection.SetJsonContent(request, text, static (writer, value) =>
        {
            writer.WriteStartObject();
            writer.WriteString("text", value);
            writer.WriteEndObject();
        });
        await connection.SendAsync(request, "createMessage", TestClient.Ok, CancellationToken.None);

        CapturedRequest sent = handler.SingleRequest;
        Assert.Equal(sent.Body!.Length, sent.ContentLength);
        using JsonDocument document = JsonDocument.Parse(sent.Body);
        Assert.Equal(text, document.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SetJsonContent_ContentCanBeReadMoreThanOnceUntilSent()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Post, "chats");

        connection.SetJsonContent(request, 5, static (writer, value) => writer.WriteNumberValue(value));

        Assert.Equal("5", await request.Content!.ReadAsStringAsync());
        Assert.Equal("5", await request.Content!.ReadAsStringAsync());
    }

    [Fact]
    public void SetJsonContent_TwoRequestsOnOneThread_KeepTheirOwnBodies()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));
        using HttpRequestMessage first = connection.CreateRequest(HttpMethod.Post, "a");
        using HttpRequestMessage second = connection.CreateRequest(HttpMethod.Post, "b");
        using HttpRequestMessage nested = connection.CreateRequest(HttpMethod.Post, "c");

        connection.SetJsonContent(first, "first", static (writer, value) => writer.WriteStringValue(value));
        connection.SetJsonContent(second, "second", (writer, value) =>
        {
            // A writer is cached per thread; a nested call must not get the one in use.
            connection.SetJsonContent(nested, "nested", static (w, v) => w.WriteStringValue(v));
            writer.WriteStringValue(value);
        });

        Assert.Equal("\"first\"", ReadBody(first));
        Assert.Equal("\"second\"", ReadBody(second));
        Assert.Equal("\"nested\"", ReadBody(nested));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)] // larger than the buffer a thread keeps
    public void SetJsonContent_AfterALongerBody_SendsOnlyItsOwnBytes(int longLength)
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));
        using HttpRequestMessage longer = connection.CreateRequest(HttpMethod.Post, "a");
        using HttpRequestMessage shorter = connection.CreateRequest(HttpMethod.Post, "b");

        connection.SetJsonContent(longer, new string('x', longLength), static (writer, value) => writer.WriteStringValue(value));
        connection.SetJsonContent(shorter, 7, static (writer, value) => writer.WriteNumberValue(value));

        Assert.Equal(longLength + 2, ReadBody(longer).Length);
        Assert.Equal("7", ReadBody(shorter));
        Assert.Equal(1, shorter.Content!.Headers.ContentLength);
    }

    [Fact]
    public void SetJsonContent_IncompleteValue_Throws()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));
        using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Post, "chats");

        Assert.Throws<InvalidOperationException>(() => connection.SetJsonContent(request, 0, static (writer, _) => writer.WriteStartObject()));
        Assert.Throws<InvalidOperationException>(() => connection.SetJsonContent(request, 0, static (_, _) => { }));
        Assert.Null(request.Content);

        // The cached writer still works after a failed write.
        connection.SetJsonContent(request, 1, static (writer, value) => writer.WriteNumberValue(value));
        Assert.Equal("1", ReadBody(request));
    }

    [Fact]
    public async Task SendAsync_DisposesTheRequestAndItsBody()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Post, "chats");
        connection.SetJsonContent(request, 1, static (writer, value) => writer.WriteNumberValue(value));

        await connection.SendAsync(request, "createChat", TestClient.Ok, CancellationToken.None);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => request.Content!.ReadAsStringAsync());
    }

    private static string ReadBody(HttpRequestMessage request)
    {
        using var stream = new MemoryStream();
        request.Content!.CopyTo(stream, null, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
