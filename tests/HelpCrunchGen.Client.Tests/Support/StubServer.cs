using System.Net;
using System.Text;
using HelpCrunch.Api;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests.Support;

/// <summary>
/// A handler that answers every request with one canned response and remembers the request: the generated client
/// talks to it exactly as it would to HelpCrunch, with no network.
/// </summary>
internal sealed class StubServer(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
{
    public const string ApiKey = "hc-stub-key-0123456789";

    public HttpMethod? Method { get; private set; }

    public Uri? Uri { get; private set; }

    public string? RequestBody { get; private set; }

    public int Calls { get; private set; }

    public HelpCrunchClient CreateClient() =>
        new(new HttpClient(this), new ApiClientOptions { BaseAddress = new Uri("https://api.helpcrunch.com/v1"), ApiKey = ApiKey });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        Method = request.Method;
        Uri = request.RequestUri;
        RequestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
    }
}
