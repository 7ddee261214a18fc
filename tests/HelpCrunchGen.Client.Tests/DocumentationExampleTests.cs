using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HelpCrunch.Api;
using HelpCrunchGen.Client.Tests.Support;
using HelpCrunchGen.Runtime;

#pragma warning disable CS0618 // markChatRead is deprecated in the spec, and still has to work

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// Every payload of the API documentation (<c>tests/data/helpcrunch</c>) goes through the operation it documents,
/// over a stub server: responses are read into the models and written back, requests are read into the request
/// records and sent, error bodies become <see cref="ApiException"/>. The JSON must come back key for key.
/// </summary>
public sealed class DocumentationExampleTests
{
    private const string Chat = "update-chat-assignee.response.json";
    private const string Customer = "customer-model.response.json";
    private const string Message = "message-model.response.json";
    private const long ChatId = 5214000;
    private const long CustomerId = 542335;

    /// <summary>A call, the file the stub answers with, and the model it returns written back as JSON.</summary>
    private sealed record Exchange(string ResponseFile, Func<HelpCrunchClient, Task<string>> Invoke, HttpStatusCode Status = HttpStatusCode.OK);

    private static Exchange Returns<T>(string responseFile, Func<HelpCrunchClient, Task<T>> call, HttpStatusCode status = HttpStatusCode.OK) =>
        new(responseFile, async client => Write(await call(client)), status);

    // Keyed by "operation: payload file". Responses with no documented payload reuse the model's documented payload.
    private static readonly Dictionary<string, Exchange> Responses = new()
    {
        ["listChats: chat-model.response.json"] = Returns("chat-model.response.json", c => c.ListChatsAsync()),
        ["listChats: get-chats.response.json"] = Returns("get-chats.response.json", c => c.ListChatsAsync()),
        ["searchChats: get-chats.response.json"] = Returns("get-chats.response.json", c => c.SearchChatsAsync(Read<SearchChatsRequest>("search-chats-single-filter.request.json"))),
        ["getChat: update-chat-assignee.response.json"] = Returns(Chat, c => c.GetChatAsync(ChatId)),
        ["createChat: create-chat.response.json (201)"] = Returns("create-chat.response.json", c => c.CreateChatAsync(Read<CreateChatRequest>("create-chat.request.json")), HttpStatusCode.Created),
        ["createChat: create-chat.response.json (200)"] = Returns("create-chat.response.json", c => c.CreateChatAsync(Read<CreateChatRequest>("create-chat.request.json"))),
        ["updateChatStatus: chat"] = Returns(Chat, c => c.UpdateChatStatusAsync(Read<UpdateChatStatusRequest>("update-chat-status.request.json"))),
        ["updateChatAssignee: update-chat-assignee.response.json"] = Returns(Chat, c => c.UpdateChatAssigneeAsync(Read<UpdateChatAssigneeRequest>("update-chat-assignee.request.json"))),
        ["updateChatDepartment: chat"] = Returns(Chat, c => c.UpdateChatDepartmentAsync(Read<UpdateChatDepartmentRequest>("update-chat-department.request.json"))),
        ["snoozeChat: chat"] = Returns(Chat, c => c.SnoozeChatAsync(Read<SnoozeChatRequest>("snooze-chat.request.json"))),
        ["rateChat: chat"] = Returns(Chat, c => c.RateChatAsync(Read<RateChatRequest>("rate-chat.request.json"))),
        ["markChatReadByAgent: chat"] = Returns(Chat, c => c.MarkChatReadByAgentAsync(Read<MarkChatReadByAgentRequest>("read-chat.request.json"))),
        ["markChatReadByCustomer: chat"] = Returns(Chat, c => c.MarkChatReadByCustomerAsync(Read<MarkChatReadByCustomerRequest>("read-chat.request.json"))),
        ["markChatRead: chat"] = Returns(Chat, c => c.MarkChatReadAsync(Read<MarkChatReadRequest>("read-chat.request.json"))),
        ["createMessage: message-model.response.json"] = Returns(Message, c => c.CreateMessageAsync(Read<CreateMessageRequest>("create-message.request.json"))),
        ["listMessages: get-messages.response.CONSTRUCTED.json"] = Returns("get-messages.response.CONSTRUCTED.json", c => c.ListMessagesAsync(ChatId)),
        ["listMessages: get-messages-old.response.CONSTRUCTED.json"] = Returns("get-messages-old.response.CONSTRUCTED.json", c => c.ListMessagesAsync(ChatId)),
        ["addCustomerEvent: add-customer-event.response.CONSTRUCTED.json"] = Returns("add-customer-event.response.CONSTRUCTED.json", c => c.AddCustomerEventAsync(Read<AddCustomerEventRequest>("add-customer-event.request.json"))),
        ["listApplications: get-applications.response.CONSTRUCTED.json"] = Returns("get-applications.response.CONSTRUCTED.json", c => c.ListApplicationsAsync()),
        ["listCustomers: get-customers.response.json"] = Returns("get-customers.response.json", c => c.ListCustomersAsync()),
        ["searchCustomers: get-customers.response.json"] = Returns("get-customers.response.json", c => c.SearchCustomersAsync(Read<SearchCustomersRequest>("search-customers-single-filter.request.json"))),
        ["getCustomer: customer-model.response.json"] = Returns(Customer, c => c.GetCustomerAsync(CustomerId)),
        ["createCustomer: customer"] = Returns(Customer, c => c.CreateCustomerAsync(Read<CreateCustomerRequest>("create-customer.request.json"))),
        ["replaceCustomer: customer"] = Returns(Customer, c => c.ReplaceCustomerAsync(CustomerId, Read<ReplaceCustomerRequest>("update-customer.request.json"))),
        ["updateCustomer: customer"] = Returns(Customer, c => c.UpdateCustomerAsync(CustomerId, Read<UpdateCustomerRequest>("update-customer.request.json"))),
        ["tagCustomer: tag-customer.response.json"] = Returns("tag-customer.response.json", c => c.TagCustomerAsync(CustomerId, Read<TagCustomerRequest>("tag-customer.request.json"))),
        ["untagCustomer: untag-customer.response.json"] = Returns("untag-customer.response.json", c => c.UntagCustomerAsync(CustomerId, Read<UntagCustomerRequest>("untag-customer.request.json"))),
        ["listAgents: get-agents.response.json"] = Returns("get-agents.response.json", c => c.ListAgentsAsync()),
        ["listDepartments: get-departments.response.json"] = Returns("get-departments.response.json", c => c.ListDepartmentsAsync()),
        ["getOrganization: get-organization.response.json"] = Returns("get-organization.response.json", c => c.GetOrganizationAsync()),
    };

    public static TheoryData<string> ResponseCases => new(Responses.Keys);

    [Theory]
    [MemberData(nameof(ResponseCases))]
    public async Task A_documented_response_reads_into_the_model_and_writes_back_key_for_key(string name)
    {
        Exchange exchange = Responses[name];
        string json = Examples.Read(exchange.ResponseFile);
        var server = new StubServer(exchange.Status, json);

        string written = await exchange.Invoke(server.CreateClient());

        JsonEquivalence.AssertEquivalent(json, written);
    }

    [Theory]
    [MemberData(nameof(ResponseCases))]
    public async Task A_documented_response_cut_short_is_an_api_exception(string name)
    {
        Exchange exchange = Responses[name];
        string json = Examples.Read(exchange.ResponseFile).Trim();
        var server = new StubServer(exchange.Status, json[..(json.Length - 1)]);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => exchange.Invoke(server.CreateClient()));

        Assert.Equal(exchange.Status, error.StatusCode);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    /// <summary>A request record read from a documented request, the call that sends it, and what the stub answers.</summary>
    private sealed record Sending(string RequestFile, string Method, string Path, Func<HelpCrunchClient, Task> Invoke);

    private static Sending Sends<T>(string requestFile, string method, string path, Func<HelpCrunchClient, T, Task> call) =>
        new(requestFile, method, path, client => call(client, Read<T>(requestFile)));

    private static readonly Dictionary<string, (Sending Sending, string ResponseFile)> Requests = new()
    {
        ["createChat"] = (Sends<CreateChatRequest>("create-chat.request.json", "POST", "/v1/chats", (c, r) => c.CreateChatAsync(r)), "create-chat.response.json"),
        ["searchChats: single filter"] = (Sends<SearchChatsRequest>("search-chats-single-filter.request.json", "POST", "/v1/chats/search", (c, r) => c.SearchChatsAsync(r)), "get-chats.response.json"),
        ["searchChats: multiple filters"] = (Sends<SearchChatsRequest>("search-chats-multiple-filters.request.json", "POST", "/v1/chats/search", (c, r) => c.SearchChatsAsync(r)), "get-chats.response.json"),
        ["updateChatStatus"] = (Sends<UpdateChatStatusRequest>("update-chat-status.request.json", "PUT", "/v1/chats/status", (c, r) => c.UpdateChatStatusAsync(r)), Chat),
        ["updateChatAssignee"] = (Sends<UpdateChatAssigneeRequest>("update-chat-assignee.request.json", "PUT", "/v1/chats/assignee", (c, r) => c.UpdateChatAssigneeAsync(r)), Chat),
        ["updateChatAssignee: unassign"] = (Sends<UpdateChatAssigneeRequest>("update-chat-assignee-unassign.request.json", "PUT", "/v1/chats/assignee", (c, r) => c.UpdateChatAssigneeAsync(r)), Chat),
        ["updateChatDepartment"] = (Sends<UpdateChatDepartmentRequest>("update-chat-department.request.json", "PUT", "/v1/chats/department", (c, r) => c.UpdateChatDepartmentAsync(r)), Chat),
        ["snoozeChat"] = (Sends<SnoozeChatRequest>("snooze-chat.request.json", "PUT", "/v1/chats/snooze", (c, r) => c.SnoozeChatAsync(r)), Chat),
        ["snoozeChat: unsnooze"] = (Sends<SnoozeChatRequest>("unsnooze-chat.request.CONSTRUCTED.json", "PUT", "/v1/chats/snooze", (c, r) => c.SnoozeChatAsync(r)), Chat),
        ["rateChat"] = (Sends<RateChatRequest>("rate-chat.request.json", "PUT", "/v1/chats/rate", (c, r) => c.RateChatAsync(r)), Chat),
        ["markChatReadByAgent"] = (Sends<MarkChatReadByAgentRequest>("read-chat.request.json", "PUT", "/v1/chats/readByAgent", (c, r) => c.MarkChatReadByAgentAsync(r)), Chat),
        ["markChatReadByCustomer"] = (Sends<MarkChatReadByCustomerRequest>("read-chat.request.json", "PUT", "/v1/chats/readByCustomer", (c, r) => c.MarkChatReadByCustomerAsync(r)), Chat),
        ["markChatRead"] = (Sends<MarkChatReadRequest>("read-chat.request.json", "PUT", "/v1/chats/read", (c, r) => c.MarkChatReadAsync(r)), Chat),
        ["createMessage"] = (Sends<CreateMessageRequest>("create-message.request.json", "POST", "/v1/messages", (c, r) => c.CreateMessageAsync(r)), Message),
        ["searchCustomers: single filter"] = (Sends<SearchCustomersRequest>("search-customers-single-filter.request.json", "POST", "/v1/customers/search", (c, r) => c.SearchCustomersAsync(r)), "get-customers.response.json"),
        ["searchCustomers: multiple filters"] = (Sends<SearchCustomersRequest>("search-customers-multiple-filters.request.json", "POST", "/v1/customers/search", (c, r) => c.SearchCustomersAsync(r)), "get-customers.response.json"),
        ["createCustomer"] = (Sends<CreateCustomerRequest>("create-customer.request.json", "POST", "/v1/customers", (c, r) => c.CreateCustomerAsync(r)), Customer),
        ["replaceCustomer"] = (Sends<ReplaceCustomerRequest>("update-customer.request.json", "PUT", "/v1/customers/542335", (c, r) => c.ReplaceCustomerAsync(CustomerId, r)), Customer),
        ["updateCustomer"] = (Sends<UpdateCustomerRequest>("update-customer.request.json", "PATCH", "/v1/customers/542335", (c, r) => c.UpdateCustomerAsync(CustomerId, r)), Customer),
        ["batchUpdateCustomers"] = (Sends<List<BatchCustomerUpdate>>("batch-update-customers.request.json", "PUT", "/v1/customers/batch", (c, r) => c.BatchUpdateCustomersAsync(r)), Customer),
        ["tagCustomer"] = (Sends<TagCustomerRequest>("tag-customer.request.json", "PUT", "/v1/customers/542335/tags", (c, r) => c.TagCustomerAsync(CustomerId, r)), "tag-customer.response.json"),
        ["untagCustomer"] = (Sends<UntagCustomerRequest>("untag-customer.request.json", "DELETE", "/v1/customers/542335/tags", (c, r) => c.UntagCustomerAsync(CustomerId, r)), "untag-customer.response.json"),
        ["addCustomerEvent"] = (Sends<AddCustomerEventRequest>("add-customer-event.request.json", "POST", "/v1/events", (c, r) => c.AddCustomerEventAsync(r)), "add-customer-event.response.CONSTRUCTED.json"),
    };

    public static TheoryData<string> RequestCases => new(Requests.Keys);

    [Theory]
    [MemberData(nameof(RequestCases))]
    public async Task A_documented_request_is_sent_back_key_for_key(string name)
    {
        (Sending sending, string responseFile) = Requests[name];
        var server = new StubServer(HttpStatusCode.OK, Examples.Read(responseFile));

        await sending.Invoke(server.CreateClient());

        Assert.Equal(sending.Method, server.Method!.Method);
        Assert.Equal(sending.Path, server.Uri!.AbsolutePath);
        JsonEquivalence.AssertEquivalent(Examples.Read(sending.RequestFile), server.RequestBody!);
    }

    private static readonly Dictionary<string, (HttpStatusCode Status, Func<HelpCrunchClient, Task> Invoke)> Errors = new()
    {
        ["chat.error-404-chat-not-found.json"] = (HttpStatusCode.NotFound, c => c.GetChatAsync(ChatId)),
        ["common.error-400-generic-validation.json"] = (HttpStatusCode.BadRequest, c => c.SearchChatsAsync(Read<SearchChatsRequest>("search-chats-single-filter.request.json"))),
        ["common.error-401-invalid-token.json"] = (HttpStatusCode.Unauthorized, c => c.ListChatsAsync()),
        ["common.error-429-too-many-requests.json"] = (HttpStatusCode.TooManyRequests, c => c.ListCustomersAsync()),
        ["create-message.error-400.json"] = (HttpStatusCode.BadRequest, c => c.CreateMessageAsync(Read<CreateMessageRequest>("create-message.request.json"))),
        ["create-message.error-404.json"] = (HttpStatusCode.NotFound, c => c.CreateMessageAsync(Read<CreateMessageRequest>("create-message.request.json"))),
        ["delete-customer.error-404.json"] = (HttpStatusCode.NotFound, c => c.DeleteCustomerAsync(CustomerId)),
        ["delete-customer.error-429.json"] = (HttpStatusCode.TooManyRequests, c => c.DeleteCustomerAsync(CustomerId)),
        ["update-chat-assignee.error-400.json"] = (HttpStatusCode.BadRequest, c => c.UpdateChatAssigneeAsync(Read<UpdateChatAssigneeRequest>("update-chat-assignee.request.json"))),
        ["update-chat-department.error-400.json"] = (HttpStatusCode.BadRequest, c => c.UpdateChatDepartmentAsync(Read<UpdateChatDepartmentRequest>("update-chat-department.request.json"))),
        ["update-chat-status.error-400.json"] = (HttpStatusCode.BadRequest, c => c.UpdateChatStatusAsync(Read<UpdateChatStatusRequest>("update-chat-status.request.json"))),
    };

    public static TheoryData<string> ErrorCases => new(Errors.Keys);

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task A_documented_error_is_an_api_exception_with_every_entry_in_order(string file)
    {
        (HttpStatusCode status, Func<HelpCrunchClient, Task> invoke) = Errors[file];
        string json = Examples.Read(file);
        var server = new StubServer(status, json);

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => invoke(server.CreateClient()));

        using JsonDocument document = JsonDocument.Parse(json);
        var expected = document.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(expected, error.Errors.Select(e => ((string?)e.Code, (string?)e.Message)));
        Assert.True(error.HasCode(expected[^1].Item1!));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    public async Task Ok_text_bodies_are_returned_whatever_the_content_type_says(string mediaType)
    {
        var deleted = new StubServer(HttpStatusCode.OK, "Ok", mediaType);
        var unsubscribed = new StubServer(HttpStatusCode.OK, "Ok", mediaType);

        Assert.Equal("Ok", await deleted.CreateClient().DeleteCustomerAsync(CustomerId));
        Assert.Equal("Ok", await unsubscribed.CreateClient().UnsubscribeAgentAsync(2533));

        Assert.Equal(HttpMethod.Delete, deleted.Method);
        Assert.Equal("/v1/customers/542335", deleted.Uri!.AbsolutePath);
        Assert.Equal(HttpMethod.Get, unsubscribed.Method);
        Assert.Equal("/v1/agents/2533/unsubscribe", unsubscribed.Uri!.AbsolutePath);
    }

    [Fact]
    public void Every_documented_payload_is_exercised()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        used.UnionWith(Responses.Values.Select(r => r.ResponseFile));
        used.UnionWith(Requests.Values.Select(r => r.Sending.RequestFile));
        used.UnionWith(Requests.Values.Select(r => r.ResponseFile));
        used.UnionWith(Errors.Keys);

        string[] payloads = Directory.GetFiles(Examples.Directory, "*.json").Select(Path.GetFileName).ToArray()!;

        Assert.All(payloads, payload => Assert.Contains(payload, used));
    }

    private static T Read<T>(string file) => JsonSerializer.Deserialize(Examples.Read(file), TypeInfo<T>())!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>)HelpCrunchJsonContext.Default.Options.GetTypeInfo(typeof(T));
}
