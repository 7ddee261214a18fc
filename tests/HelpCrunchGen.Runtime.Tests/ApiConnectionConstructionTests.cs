namespace HelpCrunchGen.Runtime.Tests;

public sealed class ApiConnectionConstructionTests
{
    [Theory]
    [InlineData("https://x.test/v1", "chats/assignee", "https://x.test/v1/chats/assignee")]
    [InlineData("https://x.test/v1/", "chats/assignee", "https://x.test/v1/chats/assignee")]
    [InlineData("https://x.test", "chats", "https://x.test/chats")]
    [InlineData("https://x.test/", "chats", "https://x.test/chats")]
    [InlineData("https://x.test/api/v1", "chats?limit=10&offset=20", "https://x.test/api/v1/chats?limit=10&offset=20")]
    [InlineData("https://x.test/v1/", "customers/a%2Fb?q=%26%3D", "https://x.test/v1/customers/a%2Fb?q=%26%3D")]
    [InlineData("https://x.test:8443/v1", "", "https://x.test:8443/v1/")]
    public async Task CreateRequest_KeepsTheBasePath(string baseAddress, string relativeUri, string expected)
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        ApiConnection connection = TestClient.Create(handler, baseAddress: new Uri(baseAddress));

        using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, relativeUri);
        Assert.Equal(expected, request.RequestUri!.AbsoluteUri);

        // And what reaches the handler is the same address.
        await connection.SendAsync(connection.CreateRequest(HttpMethod.Get, relativeUri), "op", [204], CancellationToken.None);
        Assert.Equal(expected, handler.SingleRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public void BaseAddress_DefaultsToTheSpecServer()
    {
        var connection = new ApiConnection(new HttpClient(), new ApiClientOptions(), "https://api.helpcrunch.test/v1");

        Assert.Equal(new Uri("https://api.helpcrunch.test/v1"), connection.BaseAddress);
        Assert.Equal("https://api.helpcrunch.test/v1/chats", connection.CreateRequest(HttpMethod.Get, "chats").RequestUri!.AbsoluteUri);
    }

    [Fact]
    public void BaseAddress_FromOptionsWinsOverTheDefault()
    {
        var options = new ApiClientOptions { BaseAddress = new Uri("https://proxy.test/helpcrunch/") };

        var connection = new ApiConnection(new HttpClient(), options, "https://api.helpcrunch.test/v1");

        Assert.Equal(options.BaseAddress, connection.BaseAddress);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://example.com/v1")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://128.0.0.1/")]
    [InlineData("ftp://localhost/")]
    [InlineData("file:///tmp/api")]
    public void BaseAddress_WithoutHttps_IsRejectedUnlessLoopback(string address)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Create(address));

        Assert.Contains("https", ex.Message, StringComparison.Ordinal);
        Assert.Equal("options", ex.ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.42.0.9/v1")]
    [InlineData("http://localhost")]
    [InlineData("http://LOCALHOST:8080/v1/")]
    [InlineData("http://[::1]")]
    [InlineData("http://[::1]:5001/v1")]
    [InlineData("https://example.com")]
    public void BaseAddress_HttpsOrLoopback_IsAccepted(string address)
    {
        ApiConnection connection = Create(address);

        Assert.Equal(new Uri(address), connection.BaseAddress);
    }

    [Fact]
    public void DefaultBaseAddress_WithoutHttps_IsRejected()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(
            () => new ApiConnection(new HttpClient(), new ApiClientOptions(), "http://api.helpcrunch.test/v1"));

        Assert.Equal("defaultBaseAddress", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1/chats")]
    [InlineData("not a uri")]
    public void DefaultBaseAddress_NotAbsolute_IsRejected(string address)
    {
        Assert.Throws<ArgumentException>(() => new ApiConnection(new HttpClient(), new ApiClientOptions(), address));
    }

    [Fact]
    public void BaseAddress_Relative_IsRejected()
    {
        var options = new ApiClientOptions { BaseAddress = new Uri("/v1", UriKind.Relative) };

        Assert.Throws<ArgumentException>(() => new ApiConnection(new HttpClient(), options, TestClient.DefaultBaseAddress));
    }

    [Fact]
    public void BaseAddress_WithUserInfo_IsRejectedWithoutShowingIt()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Create("https://user:pa55word@x.test/v1"));

        Assert.DoesNotContain("pa55word", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.test/v1?tenant=1")]
    [InlineData("https://x.test/v1#top")]
    public void BaseAddress_WithQueryOrFragment_IsRejected(string address)
    {
        Assert.Throws<ArgumentException>(() => Create(address));
    }

    [Fact]
    public void Constructor_RejectsNullArguments()
    {
        Assert.Throws<ArgumentNullException>("httpClient", () => new ApiConnection(null!, new ApiClientOptions(), TestClient.DefaultBaseAddress));
        Assert.Throws<ArgumentNullException>("options", () => new ApiConnection(new HttpClient(), null!, TestClient.DefaultBaseAddress));
        Assert.Throws<ArgumentNullException>("defaultBaseAddress", () => new ApiConnection(new HttpClient(), new ApiClientOptions(), null!));
    }

    [Fact]
    public void CreateRequest_WithLeadingSlash_IsRejected()
    {
        ApiConnection connection = Create(TestClient.DefaultBaseAddress);

        Assert.Throws<ArgumentException>("relativeUri", () => connection.CreateRequest(HttpMethod.Get, "/chats"));
    }

    [Fact]
    public async Task Connection_NeverDisposesTheHttpClient()
    {
        var handler = new FakeHandler(_ => Responses.Json(HttpStatusCode.OK, """{"id":1,"status":"opened"}"""));
        ApiConnection connection = TestClient.Create(handler);

        await TestClient.GetChatAsync(connection);
        await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "x"), "op", [201], CancellationToken.None));

        Assert.False(handler.IsDisposed);
    }

    private static ApiConnection Create(string baseAddress) =>
        new(new HttpClient(), new ApiClientOptions { BaseAddress = new Uri(baseAddress) }, TestClient.DefaultBaseAddress);
}
