using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using HelpCrunchGen.Runtime.Internal;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// The exception thrown when an operation receives a non-success response or a response body that cannot be read.
/// </summary>
/// <remarks>
/// The message names the operation and status and lists the error entries; as the entries come from the server, the
/// message is cut at <see cref="MaxMessageLength"/> characters. <see cref="Errors"/> keeps every entry whole.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>The longest <see cref="Exception.Message"/>, in characters, including the closing <c>…</c> of a cut message.</summary>
    public const int MaxMessageLength = 2048;

    /// <summary>Initializes a new instance of the <see cref="ApiException"/> class.</summary>
    /// <param name="operationId">The identifier of the operation that failed.</param>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="errors">The entries of the error envelope, in the order received; empty if there were none.</param>
    /// <param name="retryAfter">How long the server asked the client to wait, from the <c>Retry-After</c> header.</param>
    /// <param name="responseBodyExcerpt">The start of the response body, or <see langword="null"/> if there was none.</param>
    /// <param name="innerException">The exception that made the response body unreadable, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="operationId"/> or <paramref name="errors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> contains <see langword="null"/>.</exception>
    public ApiException(
        string operationId,
        HttpStatusCode statusCode,
        IReadOnlyList<ApiError> errors,
        TimeSpan? retryAfter,
        string? responseBodyExcerpt,
        Exception? innerException = null)
        : this(operationId, statusCode, CopyErrors(errors), retryAfter, responseBodyExcerpt, innerException)
    {
    }

    private ApiException(
        string operationId, HttpStatusCode statusCode, ReadOnlyCollection<ApiError> errors, TimeSpan? retryAfter, string? responseBodyExcerpt, Exception? innerException)
        : base(FormatMessage(Guard.NotNull(operationId, nameof(operationId)), statusCode, errors, innerException), innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        Errors = errors;
        RetryAfter = retryAfter;
        ResponseBodyExcerpt = responseBodyExcerpt;
    }

    /// <summary>Gets the identifier of the operation that failed, e.g. <c>updateChatAssignee</c>.</summary>
    public string OperationId { get; }

    /// <summary>Gets the status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets every entry of the error envelope, in the order received; empty if the body was not an error envelope.</summary>
    public IReadOnlyList<ApiError> Errors { get; }

    /// <summary>
    /// Gets how long the server asked the client to wait before retrying, from the <c>Retry-After</c> header
    /// (delta-seconds, or an HTTP date relative to the time the response was received, never negative);
    /// <see langword="null"/> if the header was absent or invalid.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets the start of the response body as text, ending with <c>…</c> when cut, or <see langword="null"/> if the response had no body.</summary>
    public string? ResponseBodyExcerpt { get; }

    /// <summary>Determines whether any entry of <see cref="Errors"/> has the given code (ordinal comparison).</summary>
    /// <param name="code">The error code to look for.</param>
    /// <returns><see langword="true"/> if any entry has <paramref name="code"/>; otherwise, <see langword="false"/>.</returns>
    public bool HasCode(string code) => Errors.Any(error => string.Equals(error.Code, code, StringComparison.Ordinal));

    /// <summary>Determines whether any entry of <see cref="Errors"/> has any of the given codes (ordinal comparison).</summary>
    /// <param name="codes">The error codes to look for.</param>
    /// <returns><see langword="true"/> if any entry has one of <paramref name="codes"/>; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codes"/> is <see langword="null"/>.</exception>
    public bool HasAnyCode(params string[] codes) => Guard.NotNull(codes, nameof(codes)).Any(HasCode);

    // A copy, so that the exception cannot change after it is thrown.
    private static ReadOnlyCollection<ApiError> CopyErrors(IReadOnlyList<ApiError> errors) =>
        new(Guard.NotNull(errors, nameof(errors))
            .Select(error => error ?? throw new ArgumentException("The list of errors must not contain null.", nameof(errors)))
            .ToArray());

    private static string FormatMessage(string operationId, HttpStatusCode statusCode, IReadOnlyList<ApiError> errors, Exception? innerException)
    {
        string number = ((int)statusCode).ToString(CultureInfo.InvariantCulture);
        string name = statusCode.ToString(); // the number for codes without a name (e.g. 429 on .NET Framework)
        var message = new StringBuilder(128).Append(operationId).Append(" failed with ").Append(number);
        if (name != number)
        {
            message.Append(" (").Append(name).Append(')');
        }

        message.Append(
            errors.Count > 0 ? ": " + string.Join("; ", errors.Select(e => e.Code + ": " + e.Message))
            : innerException is not null ? ": the response body could not be read."
            : ".");
        if (message.Length > MaxMessageLength)
        {
            int cut = char.IsHighSurrogate(message[MaxMessageLength - 2]) ? MaxMessageLength - 2 : MaxMessageLength - 1;
            message.Length = cut;
            message.Append('…');
        }

        return message.ToString();
    }
}
