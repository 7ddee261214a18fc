using System.Net;
using HelpCrunchGen.Runtime;
using Params.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>A string path parameter cannot move the request to another resource (Specs/parameters.yaml, <c>{slug}</c>).</summary>
public sealed class PathParameterSafetyTests
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_dot_segment_or_empty_value_is_refused_before_anything_is_sent(string slug)
    {
        var handler = new CountingHandler();
        var client = new ParamsApi(new HttpClient(handler), new ApiClientOptions());

        ArgumentException list = await Assert.ThrowsAsync<ArgumentException>(() => client.ListMessagesAsync(1, slug));
        ArgumentException delete = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteMessagesAsync(1, slug));

        Assert.Contains($"(it was '{slug}')", list.Message);
        Assert.Contains("must not be empty, '.' or '..'", delete.Message);
        Assert.Equal(0, handler.Requests);
    }

    [Theory]
    [InlineData("%2E%2E", "https://params.example.com/api/chats/1/messages/%252E%252E")]
    [InlineData("...", "https://params.example.com/api/chats/1/messages/...")]
    [InlineData("../..", "https://params.example.com/api/chats/1/messages/..%2F..")]
    public async Task A_value_that_only_contains_dots_stays_in_its_segment(string slug, string expected)
    {
        var handler = new CountingHandler();
        var client = new ParamsApi(new HttpClient(handler), new ApiClientOptions());

        await client.DeleteMessagesAsync(1, slug);

        Assert.Equal(expected, handler.LastUri!.AbsoluteUri);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public Uri? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            LastUri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
