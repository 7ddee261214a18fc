namespace HelpCrunchGen.Runtime.Tests;

public sealed class ApiConnectionResponseTests
{
    [Fact]
    public async Task Success_ReadsTheBody()
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.OK, """{"id":17,"extra":{"a":[1,2]},"status":"opened"}"""));

        Chat chat = await TestClient.GetChatAsync(connection);

        Assert.Equal(new Chat(17, "opened"), chat);
    }

    [Fact]
    public async Task Success_AnyListedStatusCode()
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.Created, """{"id":1,"status":"new"}"""));

        Chat chat = await connection.SendAsync(connection.CreateRequest(HttpMethod.Post, "chats"), "createChat", [200, 201], TestClient.ReadChat, CancellationToken.None);

        Assert.Equal(1, chat.Id);
    }

    [Fact]
    public async Task Success_BodyOfUnknownLength_IsReadWhole()
    {
        string status = new('s', 200_000);
        ApiConnection connection = Respond(Responses.Chunked(HttpStatusCode.OK, $$"""{"id":3,"status":"{{status}}"}""", chunkSize: 777));

        Chat chat = await TestClient.GetChatAsync(connection);

        Assert.Equal(status, chat.Status);
    }

    [Fact]
    public async Task Success_BodyWithByteOrderMark_IsRead()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"id":5,"status":"x"}"""u8];
        ApiConnection connection = Respond(Responses.Bytes(HttpStatusCode.OK, body));

        Chat chat = await TestClient.GetChatAsync(connection);

        Assert.Equal(5, chat.Id);
    }

    [Fact]
    public async Task SendWithoutBody_Succeeds()
    {
        ApiConnection connection = Respond(new HttpResponseMessage(HttpStatusCode.NoContent));

        await connection.SendAsync(connection.CreateRequest(HttpMethod.Delete, "customers/1"), "deleteCustomer", [200, 204], CancellationToken.None);
    }

    [Fact]
    public async Task StatusNotInTheList_Throws()
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.OK, """{"id":1,"status":"new"}"""));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => connection.SendAsync(connection.CreateRequest(HttpMethod.Post, "chats"), "createChat", [201], TestClient.ReadChat, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("createChat", ex.OperationId);
        Assert.Empty(ex.Errors);
        Assert.Null(ex.InnerException);
        Assert.Equal("createChat failed with 200 (OK).", ex.Message);
    }

    [Fact]
    public async Task Error_KeepsEveryEntryInOrder()
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.BadRequest, Examples.Read("common.error-400-generic-validation.json")));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(
            [("invalid_request", "Invalid request"), ("customer", "This value should be of type numeric."), ("filter[0].field", "This value should not be blank.")],
            ex.Errors.Select(e => (e.Code, e.Message)));
        Assert.Equal(
            "getChat failed with 400 (BadRequest): invalid_request: Invalid request; customer: This value should be of type numeric.; filter[0].field: This value should not be blank.",
            ex.Message);
        Assert.True(ex.HasCode("filter[0].field"));
        Assert.True(ex.HasCode("customer"));
        Assert.False(ex.HasCode("Customer"));
        Assert.True(ex.HasAnyCode("unauthorized", "customer"));
        Assert.False(ex.HasAnyCode("unauthorized", "not_found"));
        Assert.Null(ex.RetryAfter);
        Assert.Null(ex.InnerException);
        Assert.Contains("filter[0].field", ex.ResponseBodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_WithoutBody_ForOperationWithoutResult()
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.NotFound, Examples.Read("chat.error-404-chat-not-found.json")));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(
            () => connection.SendAsync(connection.CreateRequest(HttpMethod.Put, "chats/assignee"), "updateChatAssignee", TestClient.Ok, CancellationToken.None));

        Assert.Equal("updateChatAssignee failed with 404 (NotFound): chat_not_found: Chat is missing", ex.Message);
    }

    [Fact]
    public async Task Error_EntriesAreReadTolerantly()
    {
        const string Body = """
            {
              "meta": {"trace": [1, {"x": null}]},
              "errors": [
                {"extra": {"nested": [true]}, "code": "first", "message": "One", "more": []},
                {"code": "second"},
                {"message": "no code"},
                {"code": 42, "message": null},
                "not an object",
                7
              ],
              "tail": "ignored"
            }
            """;
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.BadRequest, Body));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(
            [("first", "One"), ("second", ""), ("", "no code"), ("42", "")],
            ex.Errors.Select(e => (e.Code, e.Message)));
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public async Task Error_RetryAfterInSeconds()
    {
        HttpResponseMessage response = Responses.Json(HttpStatusCode.TooManyRequests, Examples.Read("common.error-429-too-many-requests.json"));
        response.Headers.TryAddWithoutValidation("Retry-After", "30");
        ApiConnection connection = Respond(response);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.True(ex.HasCode("too_many_requests"));
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
    }

    [Fact]
    public async Task Error_RetryAfterAsHttpDate_IsRelativeToNow()
    {
        HttpResponseMessage response = Responses.Json(HttpStatusCode.TooManyRequests, Examples.Read("common.error-429-too-many-requests.json"));
        response.Headers.TryAddWithoutValidation("Retry-After", DateTimeOffset.UtcNow.AddSeconds(120).ToString("R"));
        ApiConnection connection = Respond(response);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.NotNull(ex.RetryAfter);
        Assert.InRange(ex.RetryAfter.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
    }

    [Fact]
    public async Task Error_RetryAfterInThePast_IsZero()
    {
        HttpResponseMessage response = new(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
        ApiConnection connection = Respond(response);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
    }

    [Fact]
    public async Task Error_RetryAfterInvalid_IsNull()
    {
        HttpResponseMessage response = new(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "soon");
        ApiConnection connection = Respond(response);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Null(ex.RetryAfter);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("Service Unavailable", "text/plain")]
    [InlineData("", "text/plain")]
    [InlineData("   \r\n ", "text/plain")]
    [InlineData("""{"errors":"x"}""", "application/json")]
    [InlineData("""{"errors":null}""", "application/json")]
    [InlineData("""{"errors":{"code":"x"}}""", "application/json")]
    [InlineData("""{"message":"Internal error"}""", "application/json")]
    [InlineData("""[{"code":"x","message":"y"}]""", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("\"error\"", "application/json")]
    public async Task Error_BodyThatIsNotTheEnvelope_GivesNoEntries(string body, string mediaType)
    {
        ApiConnection connection = Respond(Responses.Text(HttpStatusCode.BadGateway, body, mediaType));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Empty(ex.Errors);
        Assert.Null(ex.InnerException);
        Assert.Equal("getChat failed with 502 (BadGateway).", ex.Message);
    }

    [Theory]
    [InlineData("""{"errors":[{"code":"a","message":"b"}""")]
    [InlineData("""{"errors":[{"code":"a",""")]
    [InlineData("""{errors: []}""")]
    public async Task Error_MalformedJson_GivesTheJsonExceptionAsInner(string body)
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.BadRequest, body));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal(body, ex.ResponseBodyExcerpt);
    }

    [Fact]
    public async Task Error_EntriesBeforeTheBreakAreKept()
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"a","message":"b"},{"code":"c"""));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal("a", Assert.Single(ex.Errors).Code);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task Error_LongBody_ExcerptIsCapped()
    {
        string body = "<html>" + new string('x', 5000) + "</html>";
        ApiConnection connection = Respond(Responses.Text(HttpStatusCode.InternalServerError, body, "text/html"));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(body.Substring(0, 1024) + "…", ex.ResponseBodyExcerpt);
    }

    [Fact]
    public async Task Error_HugeBodyOfUnknownLength_IsCutNotBuffered()
    {
        string body = """{"errors":[{"code":"big","message":""" + "\"" + new string('m', 3 * 1024 * 1024) + "\"}]}";
        ApiConnection connection = Respond(Responses.Chunked(HttpStatusCode.BadRequest, body, chunkSize: 64 * 1024));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Empty(ex.Errors);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal(1025, ex.ResponseBodyExcerpt!.Length);
    }

    [Theory]
    [InlineData("""<html>oops</html>""")]
    [InlineData("""{"id":1,"status":""")]
    [InlineData("""{"id":1,"status":"opened"} {"id":2}""")]
    [InlineData("""{"id":1}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""   """)]
    public async Task Success_UnreadableBody_ThrowsApiExceptionWithTheJsonException(string body)
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.OK, body));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Empty(ex.Errors);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal("getChat failed with 200 (OK): the response body could not be read.", ex.Message);
    }

    [Fact]
    public async Task Success_EmptyBody_ThrowsApiException()
    {
        ApiConnection connection = Respond(new HttpResponseMessage(HttpStatusCode.OK));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Null(ex.ResponseBodyExcerpt);
    }

    [Fact]
    public async Task Success_BodyShorterThanContentLength_ThrowsApiException()
    {
        var content = new StreamContent(new MemoryStream("""{"id":1,"status":"op"""u8.ToArray()));
        content.Headers.ContentLength = 100;
        ApiConnection connection = Respond(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task Success_ValueOfTheWrongType_ThrowsApiException()
    {
        // The reader's GetInt64 throws InvalidOperationException for a string token.
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.OK, """{"id":"seventeen","status":"opened"}"""));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => TestClient.GetChatAsync(connection));

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public async Task Cancellation_BeforeSending_Propagates()
    {
        ApiConnection connection = Respond(Responses.Json(HttpStatusCode.OK, """{"id":1,"status":"x"}"""));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestClient.GetChatAsync(connection, cts.Token));
    }

    [Fact]
    public async Task Cancellation_WhileWaitingForTheResponse_Propagates()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool canceledOnArrival = false, canceledInFlight = false;
        var handler = new FakeHandler(async (_, cancellationToken) =>
        {
            canceledOnArrival = cancellationToken.IsCancellationRequested;
            arrived.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                canceledInFlight = true;
                throw;
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        ApiConnection connection = TestClient.Create(handler);
        using var cts = new CancellationTokenSource();

        Task<Chat> call = TestClient.GetChatAsync(connection, cts.Token);
        await arrived.Task.WaitAsync(s_hangGuard);
        Assert.False(call.IsCompleted);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.False(canceledOnArrival, "the token was canceled before the request reached the handler");
        Assert.True(canceledInFlight, "the handler's token was not canceled while the request was in flight");
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Cancellation_WhileReadingTheBody_Propagates(HttpStatusCode status)
    {
        var body = new StallingStream("""{"id":1,"""u8.ToArray());
        ApiConnection connection = Respond(new HttpResponseMessage(status) { Content = new StreamContent(body) });
        using var cts = new CancellationTokenSource();

        Task<Chat> call = TestClient.GetChatAsync(connection, cts.Token);
        await body.Stalled.WaitAsync(s_hangGuard);
        Assert.False(call.IsCompleted);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.False(body.CanceledBeforeStall, "the token was canceled before the body read began to wait");
        Assert.True(body.StallCanceled, "the body read was not canceled while it was in flight");
    }

    [Fact]
    public async Task HttpRequestException_Propagates()
    {
        var failure = new HttpRequestException("Connection refused");
        ApiConnection connection = TestClient.Create(new FakeHandler((_, _) => Task.FromException<HttpResponseMessage>(failure)));

        HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() => TestClient.GetChatAsync(connection));

        Assert.Same(failure, ex);
    }

    [Fact]
    public async Task Concurrent_CallsOnOneConnection_DoNotInterfere()
    {
        var handler = new FakeHandler(async (request, cancellationToken) =>
        {
            await Task.Yield();
            using JsonDocument body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            long id = body.RootElement.GetProperty("id").GetInt64();
            Assert.Equal($"https://api.helpcrunch.test/v1/chats/{id}", request.RequestUri!.AbsoluteUri);
            Assert.Equal("Bearer " + TestClient.ApiKey, Assert.Single(request.Headers.GetValues("Authorization")));
            return id % 3 == 0
                ? Responses.Json(HttpStatusCode.NotFound, $$"""{"errors":[{"code":"missing_{{id}}","message":"Chat {{id}}"}]}""")
                : Responses.Chunked(HttpStatusCode.OK, $$"""{"id":{{id}},"status":"{{new string('s', (int)id * 37)}}"}""", chunkSize: 512);
        });
        ApiConnection connection = TestClient.Create(handler);

        async Task CallAsync(long id)
        {
            HttpRequestMessage request = connection.CreateRequest(HttpMethod.Post, $"chats/{ApiUri.Format(id)}");
            connection.SetJsonContent(request, id, static (writer, value) =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", value);
                writer.WriteString("padding", new string('p', (int)value * 13));
                writer.WriteEndObject();
            });

            if (id % 3 == 0)
            {
                ApiException ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(request, "updateChat", TestClient.Ok, TestClient.ReadChat, CancellationToken.None));
                Assert.Equal($"missing_{id}", Assert.Single(ex.Errors).Code);
            }
            else
            {
                Chat chat = await connection.SendAsync(request, "updateChat", TestClient.Ok, TestClient.ReadChat, CancellationToken.None);
                Assert.Equal(new Chat(id, new string('s', (int)id * 37)), chat);
            }
        }

        await Task.WhenAll(Enumerable.Range(1, 300).Select(i => Task.Run(() => CallAsync(i))));

        Assert.Equal(300, handler.Requests.Count);
    }

    /// <summary>Only ends a test that would otherwise hang; no assertion depends on it.</summary>
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    private static ApiConnection Respond(HttpResponseMessage response) => TestClient.Create(new FakeHandler(_ => response));
}
