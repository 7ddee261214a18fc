using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.Logging;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// Logs each attempt of a generated client's call: start and end at Debug, a 429 at Warning. It sits inside the
/// resilience handler, so a retried call logs each attempt.
/// </summary>
internal sealed class ApiLoggingHandler(ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string operationId = request is ApiRequestMessage { OperationId: { } id } ? id : "request";
        if (logger.IsEnabled(LogLevel.Debug))
        {
            ApiCallLog.Starting(logger, operationId, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty);
        }

        long started = Stopwatch.GetTimestamp();
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        ApiCallLog.Finished(logger, operationId, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            ApiCallLog.TooManyRequests(logger, operationId, response.Headers.RetryAfter?.ToString() ?? "none");
        }

        return response;
    }
}
