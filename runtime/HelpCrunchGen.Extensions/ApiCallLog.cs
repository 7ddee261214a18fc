using System;
using System.Net;
using Microsoft.Extensions.Logging;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// The log messages of generated clients, source-generated (no boxing, no formatting when the level is off). They carry
/// the operationId, method, path and status: never a header, a query or a body, so never the API key.
/// </summary>
internal static partial class ApiCallLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Calling {OperationId}: {Method} {Path}")]
    public static partial void Starting(ILogger logger, string operationId, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{OperationId} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    public static partial void Finished(ILogger logger, string operationId, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{OperationId} was refused with 429 Too Many Requests; Retry-After: {RetryAfter}")]
    public static partial void TooManyRequests(ILogger logger, string operationId, string retryAfter);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Retrying {OperationId} (retry {Retry}) in {DelayMilliseconds:0} ms after {Outcome}")]
    public static partial void Retrying(ILogger logger, string operationId, int retry, double delayMilliseconds, string outcome);

    /// <summary>What a retry is retrying after: the status code, or the exception's type (its message may quote a URI).</summary>
    public static string Describe(HttpStatusCode? statusCode, Exception? exception) =>
        statusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : exception?.GetType().Name ?? "no response";
}
