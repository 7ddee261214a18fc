using System;
using HelpCrunchGen.Runtime.Internal;

namespace HelpCrunchGen.Runtime;

/// <summary>One entry of the error envelope <c>{"errors":[{"code":"…","message":"…"}]}</c>.</summary>
/// <param name="code">The machine-readable error code, e.g. <c>chat_not_found</c> or a property path.</param>
/// <param name="message">The human-readable message.</param>
/// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
public sealed class ApiError(string code, string message)
{
    /// <summary>Gets the machine-readable error code, e.g. <c>chat_not_found</c> or a property path such as <c>filter[0].field</c>.</summary>
    public string Code { get; } = Guard.NotNull(code, nameof(code));

    /// <summary>Gets the human-readable message; empty when the server sent none.</summary>
    public string Message { get; } = Guard.NotNull(message, nameof(message));

    /// <summary>Returns the code and the message.</summary>
    /// <returns><c>code: message</c>.</returns>
    public override string ToString() => $"{Code}: {Message}";
}
