using System;
using System.Net.Http;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// A request sent by a generated client. Handlers in the <see cref="HttpClient"/>'s pipeline (logging, retries, rate limits)
/// can read which operation it belongs to: <c>request is ApiRequestMessage { OperationId: { } id }</c>.
/// </summary>
public sealed class ApiRequestMessage : HttpRequestMessage
{
    internal ApiRequestMessage(HttpMethod method, Uri requestUri)
        : base(method, requestUri)
    {
    }

    /// <summary>Gets the operationId of the call, e.g. <c>updateChatAssignee</c>; set when the request is sent.</summary>
    public string? OperationId { get; internal set; }
}
