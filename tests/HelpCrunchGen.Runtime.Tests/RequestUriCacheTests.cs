namespace HelpCrunchGen.Runtime.Tests;

/// <summary>Constant paths are parsed once per connection; paths built per call never come from the cache.</summary>
public sealed class RequestUriCacheTests
{
    [Fact]
    public void A_constant_path_is_parsed_once_and_shared()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));

        using HttpRequestMessage first = connection.CreateRequest(HttpMethod.Put, "chats/assignee");
        using HttpRequestMessage second = connection.CreateRequest(HttpMethod.Put, "chats/assignee");

        Assert.Equal("https://api.helpcrunch.test/v1/chats/assignee", second.RequestUri!.AbsoluteUri);
        Assert.Same(first.RequestUri, second.RequestUri);
    }

    [Fact]
    public void Paths_built_per_call_always_get_their_own_address()
    {
        ApiConnection connection = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()));

        for (int i = 0; i < 200; i++)
        {
            // Interleave constants with built strings, so that every cache slot sees both.
            using HttpRequestMessage constant = connection.CreateRequest(HttpMethod.Get, "chats");
            using HttpRequestMessage built = connection.CreateRequest(HttpMethod.Get, "chats/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using HttpRequestMessage sameTextNewString = connection.CreateRequest(HttpMethod.Get, new string("chats/x".AsSpan()));

            Assert.Equal("https://api.helpcrunch.test/v1/chats", constant.RequestUri!.AbsoluteUri);
            Assert.Equal($"https://api.helpcrunch.test/v1/chats/{i}", built.RequestUri!.AbsoluteUri);
            Assert.Equal("https://api.helpcrunch.test/v1/chats/x", sameTextNewString.RequestUri!.AbsoluteUri);
        }
    }

    [Fact]
    public void Each_connection_resolves_against_its_own_base_address()
    {
        ApiConnection a = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()), baseAddress: new Uri("https://a.test/v1/"));
        ApiConnection b = TestClient.Create(new FakeHandler(_ => new HttpResponseMessage()), baseAddress: new Uri("https://b.test/api"));

        using HttpRequestMessage fromA = a.CreateRequest(HttpMethod.Get, "chats");
        using HttpRequestMessage fromB = b.CreateRequest(HttpMethod.Get, "chats");
        using HttpRequestMessage fromAAgain = a.CreateRequest(HttpMethod.Get, "chats");

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
                using HttpRequestMessage request = connection.CreateRequest(HttpMethod.Get, path);
                Assert.Equal("https://api.helpcrunch.test/v1/" + path, request.RequestUri!.AbsoluteUri);
            }
        })));
    }
}
