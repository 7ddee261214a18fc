using System.Net;
using HelpCrunch.Api;
using HelpCrunchGen.Client.Tests.Support;

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// The generated client marks which request paths are constant, so that the connection parses their Uri once:
/// a path with no parameters in it, when no query parameter is given. Anything built per call gets its own Uri.
/// </summary>
public sealed class RequestUriReuseTests
{
    [Fact]
    public async Task A_list_without_query_reuses_its_uri_and_one_with_a_query_does_not()
    {
        var server = new StubServer(HttpStatusCode.OK, Examples.Read("get-chats.response.json"));
        HelpCrunchClient client = server.CreateClient();

        await client.ListChatsAsync();
        Uri first = server.Uri!;
        await client.ListChatsAsync();
        Uri again = server.Uri!;
        await client.ListChatsAsync(limit: 5);
        Uri withQuery = server.Uri!;
        await client.ListChatsAsync(limit: 5);

        Assert.Same(first, again);
        Assert.Equal(first.AbsoluteUri + "?limit=5", withQuery.AbsoluteUri);
        Assert.NotSame(withQuery, server.Uri);
    }

    [Fact]
    public async Task A_path_with_a_parameter_is_built_per_call()
    {
        var server = new StubServer(HttpStatusCode.OK, Examples.Read("update-chat-assignee.response.json"));
        HelpCrunchClient client = server.CreateClient();

        await client.GetChatAsync(1);
        Uri one = server.Uri!;
        await client.GetChatAsync(2);

        Assert.EndsWith("/chats/1", one.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("/chats/2", server.Uri!.AbsoluteUri, StringComparison.Ordinal);
    }
}
