using System.Net.Sockets;

namespace HelpCrunchGen.Runtime.Tests;

/// <summary>One round trip through the real socket handler, to a listener on 127.0.0.1.</summary>
public sealed class LoopbackTests
{
    [Fact]
    public async Task RealHandler_SendsTheRequestAndReadsErrorAndSuccessBodies()
    {
        int port = GetFreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();

        var seen = new List<(string Method, string Url, string? Authorization, string? Accept, string? ContentType, long Length, string Body)>();
        Task server = Task.Run(async () =>
        {
            for (int i = 0; i < 2; i++)
            {
                HttpListenerContext context = await listener.GetContextAsync();
                HttpListenerRequest request = context.Request;
                using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                {
                    seen.Add((request.HttpMethod, request.Url!.PathAndQuery, request.Headers["Authorization"], request.Headers["Accept"], request.ContentType, request.ContentLength64, await reader.ReadToEndAsync()));
                }

                HttpListenerResponse response = context.Response;
                byte[] body;
                if (i == 0)
                {
                    response.StatusCode = 429;
                    response.Headers["Retry-After"] = "7";
                    body = Encoding.UTF8.GetBytes(Examples.Read("common.error-429-too-many-requests.json"));
                    response.ContentLength64 = body.Length;
                }
                else
                {
                    response.StatusCode = 200;
                    response.SendChunked = true;
                    body = Encoding.UTF8.GetBytes("""{"id":9,"status":"closed"}""");
                }

                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(body);
                response.Close();
            }
        });

        using var httpClient = new HttpClient();
        var options = new ApiClientOptions { ApiKey = TestClient.ApiKey, BaseAddress = new Uri($"http://127.0.0.1:{port}/v1") };
        var connection = new ApiConnection(httpClient, options, TestClient.DefaultBaseAddress);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(connection, timeout.Token));
        Chat chat = await Send(connection, timeout.Token);
        await server.WaitAsync(timeout.Token);

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Equal("too_many_requests", Assert.Single(ex.Errors).Code);
        Assert.Equal(new Chat(9, "closed"), chat);
        Assert.All(seen, request =>
        {
            Assert.Equal("PUT", request.Method);
            Assert.Equal("/v1/chats/9/status?notify=true", request.Url);
            Assert.Equal("Bearer " + TestClient.ApiKey, request.Authorization);
            Assert.Equal("application/json", request.Accept);
            Assert.Equal("application/json; charset=utf-8", request.ContentType);
            Assert.Equal("""{"status":"closed"}""", request.Body);
            Assert.Equal(request.Body.Length, request.Length);
        });
    }

    private static Task<Chat> Send(ApiConnection connection, CancellationToken cancellationToken)
    {
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Put, "chats/9/status?notify=true");
        connection.SetJsonContent(request, "closed", static (writer, value) =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", value);
            writer.WriteEndObject();
        });
        return connection.SendAsync(request, "updateChatStatus", TestClient.Ok, TestClient.ReadChat, cancellationToken);
    }

    private static int GetFreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
