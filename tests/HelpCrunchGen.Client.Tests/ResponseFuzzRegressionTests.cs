using System.Net;
using System.Text.Json;
using HelpCrunchGen.Runtime;
using Params.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>Findings of <see cref="ResponseFuzzTests"/>, each pinned through the generated client.</summary>
public sealed class ResponseFuzzRegressionTests
{
    [Theory]
    [InlineData("\"-62135596800.5\"")]
    [InlineData("-62135596800.5")]
    public async Task A_unix_time_just_below_the_range_is_an_api_exception(string body)
    {
        // Found: a bare unix-time response of "-62135596800.5" escaped as ArgumentOutOfRangeException.
        var client = new ParamsApi(new HttpClient(new StubHandler(body)), new ApiClientOptions());

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.GetSnoozedUntilAsync(1));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
    }

    private sealed class StubHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
    }
}
