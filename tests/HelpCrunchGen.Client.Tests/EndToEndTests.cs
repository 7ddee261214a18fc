using System.Net;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests;

/// <summary>The generated client against the local HelpCrunch emulator, over real HTTP on loopback.</summary>
public sealed class EndToEndTests
{
    private static HelpCrunchClient CreateClient(HelpCrunchEmulator emulator, HttpClient http, string? apiKey = null) =>
        new(http, new ApiClientOptions { BaseAddress = emulator.BaseAddress, ApiKey = apiKey ?? emulator.ApiKey });

    [Fact]
    public async Task Reassigns_a_chat()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        using var http = new HttpClient();

        Chat chat = await CreateClient(emulator, http).UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });

        Assert.Equal(5214000, chat.Id);
        Assert.Equal(4188, chat.Assignee!.Id);
        Assert.Equal("Derek Swanson", chat.Assignee.Name);
        Assert.Equal(4188, emulator.Store.FindChat(5214000)!.AssigneeId);
        Assert.True(chat.CreatedAt > DateTimeOffset.FromUnixTimeSeconds(1_500_000_000));
    }

    [Fact]
    public async Task Null_assignee_unassigns_the_chat()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        using var http = new HttpClient();
        HelpCrunchClient client = CreateClient(emulator, http);
        await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });

        Chat chat = await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = null });

        Assert.Null(chat.Assignee);
        Assert.Null(emulator.Store.FindChat(5214000)!.AssigneeId);
    }

    [Fact]
    public async Task Unknown_agent_is_a_400_with_its_code()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        using var http = new HttpClient();

        ApiException error = await Assert.ThrowsAsync<ApiException>(() =>
            CreateClient(emulator, http).UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 999_999 }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.True(error.HasCode(HelpCrunchErrorCodes.InvalidChatValue));
        Assert.Equal("updateChatAssignee", error.OperationId);
    }

    [Fact]
    public async Task Wrong_key_is_a_401_and_the_key_never_appears_in_the_exception()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        using var http = new HttpClient();
        const string secret = "sk-live-THIS-MUST-NOT-LEAK-1234567890";

        ApiException error = await Assert.ThrowsAsync<ApiException>(() =>
            CreateClient(emulator, http, secret).UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 }));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.True(error.HasCode(HelpCrunchErrorCodes.InvalidToken));
        Assert.DoesNotContain(secret, error.ToString());
        Assert.DoesNotContain(secret, error.Message);
        Assert.DoesNotContain(secret, error.ResponseBodyExcerpt ?? string.Empty);
    }

    [Fact]
    public async Task Unknown_chat_is_a_404_with_its_code()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        using var http = new HttpClient();

        ApiException error = await Assert.ThrowsAsync<ApiException>(() =>
            CreateClient(emulator, http).UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 1, Assignee = 4188 }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        ApiError entry = Assert.Single(error.Errors);
        Assert.Equal(HelpCrunchErrorCodes.ChatNotFound, entry.Code);
        Assert.Contains("chat_not_found", error.Message);
    }

    [Fact]
    public async Task Past_the_rate_limit_is_a_429_with_retry_after()
    {
        // A clock that never moves: the first slot frees exactly one minute later.
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 3, TimeProvider = new FrozenClock() });
        using var http = new HttpClient();
        HelpCrunchClient client = CreateClient(emulator, http);
        for (int i = 0; i < 3; i++)
        {
            await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });
        }

        ApiException error = await Assert.ThrowsAsync<ApiException>(() =>
            client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 }));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.True(error.HasCode(HelpCrunchErrorCodes.TooManyRequests));
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
    }

    [Fact]
    public async Task Cancellation_mid_request_is_an_operation_canceled_exception()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        // The handler holds the response until the token fires, so the cancellation lands mid-request.
        var stalling = new StallingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(stalling);
        using var cancellation = new CancellationTokenSource();

        Task<Chat> call = CreateClient(emulator, http).UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 }, cancellation.Token);
        await stalling.Stalled.WaitAsync(TimeSpan.FromSeconds(30)); // only ends a hang
        Assert.False(call.IsCompleted);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(stalling.CanceledInFlight);
    }

    [Fact]
    public async Task One_client_serves_100_concurrent_calls()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 1000 });
        using var http = new HttpClient();
        HelpCrunchClient client = CreateClient(emulator, http);
        long[] agents = emulator.Store.GetAgents().Select(a => (long)a.Id).ToArray();
        long[] chats = emulator.Store.GetChats().Select(c => (long)c.Id).ToArray();

        Chat[] results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chats[i % chats.Length], Assignee = agents[i % agents.Length] })));

        Assert.Equal(100, results.Length);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(chats[i % chats.Length], results[i].Id);
            Assert.Equal(agents[i % agents.Length], results[i].Assignee!.Id);
        }
    }

    /// <summary>Sends the request, then waits for cancellation before handing back the response.</summary>
    private sealed class StallingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once the server has answered and the handler is holding the response.</summary>
        public Task Stalled => _stalled.Task;

        public bool CanceledInFlight { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            try
            {
                _stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return response;
            }
            catch (OperationCanceledException)
            {
                CanceledInFlight = true;
                response.Dispose();
                throw;
            }
        }
    }

    private sealed class FrozenClock : TimeProvider
    {
        private readonly DateTimeOffset _now = new(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
