namespace HelpCrunchGen.Runtime.Tests;

/// <summary>Constant paths are parsed once per connection, however many the client has; other paths never come from the cache.</summary>
public sealed class RequestUriCacheTests
{
    [Fact]
    public void A_constant_path_is_parsed_once_and_shared()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));

        using HttpRequestMessage first = connection.CreateRequest(HttpMethod.Put, "chats/assignee", constantPath: true);
        using HttpRequestMessage second = connection.CreateRequest(HttpMethod.Put, "chats/assignee", constantPath: true);

        Assert.Equal("https://api.helpcrunch.test/v1/chats/assignee", second.RequestUri!.AbsoluteUri);
        Assert.Same(first.RequestUri, second.RequestUri);
    }

    [Fact]
    public void Thirty_constant_paths_in_turn_are_each_parsed_once()
    {
        // The HelpCrunch client has 30 operations: a small fixed-size cache would evict one path for another on every call.
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));
        string[] paths = Enumerable.Range(0, 30).Select(i => "resource" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Uri[] firstRound = paths.Select(path => Send(connection, path)).ToArray();

        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < paths.Length; i++)
            {
                Assert.Same(firstRound[i], Send(connection, paths[i]));
            }
        }

        static Uri Send(ApiConnection connection, string path)
        {
            using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, path, constantPath: true);
            return request.RequestUri!;
        }
    }

    [Fact]
    public void Paths_not_marked_constant_always_get_their_own_address()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));

        for (int i = 0; i < 200; i++)
        {
            using HttpRequestMessage constant = connection.CreateRequest(HttpMethod.Get, "chats", constantPath: true);
            using HttpRequestMessage built = connection.CreateRequest(HttpMethod.Get, "chats/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using HttpRequestMessage sameTextAgain = connection.CreateRequest(HttpMethod.Get, "chats");

            Assert.Equal("https://api.helpcrunch.test/v1/chats", constant.RequestUri!.AbsoluteUri);
            Assert.Equal($"https://api.helpcrunch.test/v1/chats/{i}", built.RequestUri!.AbsoluteUri);
            Assert.Equal("https://api.helpcrunch.test/v1/chats", sameTextAgain.RequestUri!.AbsoluteUri);
            Assert.NotSame(constant.RequestUri, sameTextAgain.RequestUri);
        }
    }

    [Fact]
    public void Each_connection_resolves_against_its_own_base_address()
    {
        ApiConnection a = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()), baseAddress: new Uri("https://a.test/v1/"));
        ApiConnection b = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()), baseAddress: new Uri("https://b.test/api"));

        using HttpRequestMessage fromA = a.CreateRequest(HttpMethod.Get, "chats", constantPath: true);
        using HttpRequestMessage fromB = b.CreateRequest(HttpMethod.Get, "chats", constantPath: true);
        using HttpRequestMessage fromAAgain = a.CreateRequest(HttpMethod.Get, "chats", constantPath: true);

        Assert.Equal("https://a.test/v1/chats", fromA.RequestUri!.AbsoluteUri);
        Assert.Equal("https://b.test/api/chats", fromB.RequestUri!.AbsoluteUri);
        Assert.Equal("https://a.test/v1/chats", fromAAgain.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Concurrent_requests_all_get_the_right_address()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));
        string[] constants = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"];

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                string path = constants[(i + worker) % constants.Length];
                using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, path, constantPath: true);
                Assert.Equal("https://api.helpcrunch.test/v1/" + path, request.RequestUri!.AbsoluteUri);
            }
        })));
    }
}
