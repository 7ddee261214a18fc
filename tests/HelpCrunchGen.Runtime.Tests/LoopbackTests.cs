using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpCrunchGen.Runtime.Tests;

/// <summary>Round trips through the real socket handler, to a Kestrel server on 127.0.0.1.</summary>
public sealed class LoopbackTests
{
    [Fact]
    public async Task RealHandler_SendsTheRequestAndReadsErrorAndSuccessBodies()
    {
        var seen = new ConcurrentQueue<(string Method, string Url, string? Authorization, string? Accept, string? ContentType, long? Length, string Body)>();
        int requests = 0;
        await using WebApplication server = await StartServerAsync(async context =>
        {
            HttpRequest request = context.Request;
            using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            {
                seen.Enqueue((request.Method, request.Path + request.QueryString, request.Headers.Authorization, request.Headers.Accept, request.ContentType, request.ContentLength, await reader.ReadToEndAsync()));
            }

            HttpResponse response = context.Response;
            response.ContentType = "application/json";
            if (Interlocked.Increment(ref requests) == 1)
            {
                byte[] error = Encoding.UTF8.GetBytes(Examples.Read("common.error-429-too-many-requests.json"));
                response.StatusCode = 429;
                response.Headers.RetryAfter = "7";
                response.ContentLength = error.Length;
                await response.Body.WriteAsync(error);
            }
            else
            {
                // No Content-Length: Kestrel sends the body chunked.
                response.StatusCode = 200;
                await response.Body.WriteAsync("""{"id":9,"status":"closed"}"""u8.ToArray());
            }
        });

        using var httpClient = new HttpClient();
        var options = new ApiClientOptions { ApiKey = TestClient.ApiKey, BaseAddress = new Uri(BoundAddress(server), "v1") };
        var connection = new ApiConnection(httpClient, options, TestClient.DefaultBaseAddress);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Send(connection, CancellationToken.None));
        Chat chat = await Send(connection, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Equal("too_many_requests", Assert.Single(ex.Errors).Code);
        Assert.Equal(new Chat(9, "closed"), chat);
        Assert.Equal(2, seen.Count);
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

    /// <summary>Kestrel on 127.0.0.1 port 0: the system picks the port while binding, so no other process can take it first.</summary>
    private static async Task<WebApplication> StartServerAsync(RequestDelegate handle)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return app;
    }

    /// <summary>The address Kestrel reports once bound, e.g. <c>http://127.0.0.1:43123/</c>.</summary>
    private static Uri BoundAddress(WebApplication app) => new(app.Urls.Single().TrimEnd('/') + "/");

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
}
