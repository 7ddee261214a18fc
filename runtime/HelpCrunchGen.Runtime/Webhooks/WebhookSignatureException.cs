using System;

namespace HelpCrunchGen.Runtime.Webhooks;

/// <summary>Why a webhook's signature was refused.</summary>
public enum WebhookSignatureFailure
{
    /// <summary>The request has no signature header, or it is empty.</summary>
    Missing,

    /// <summary>The header is not a signature of the expected form (not hex, or of the wrong length).</summary>
    Malformed,

    /// <summary>The signature is well-formed but does not match the body and the signing key.</summary>
    Mismatch,
}

/// <summary>
/// The exception thrown when a webhook's signature is missing, malformed or does not match its body: the request did
/// not come from the API (or was changed on the way) and must be refused, typically with 401.
/// </summary>
/// <remarks>The message names the header and the reason only: never the signing key, the body or the received signature.</remarks>
public sealed class WebhookSignatureException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WebhookSignatureException"/> class.</summary>
    /// <param name="headerName">The signature header, e.g. <c>X-HelpCrunch-Signature</c>.</param>
    /// <param name="failure">Why the signature was refused.</param>
    public WebhookSignatureException(string headerName, WebhookSignatureFailure failure)
        : base(MessageFor(headerName, failure))
    {
        HeaderName = headerName;
        Failure = failure;
    }

    /// <summary>The signature header the webhook should carry.</summary>
    public string HeaderName { get; }

    /// <summary>Why the signature was refused.</summary>
    public WebhookSignatureFailure Failure { get; }

    private static string MessageFor(string headerName, WebhookSignatureFailure failure) => failure switch
    {
        WebhookSignatureFailure.Missing => $"The webhook has no {headerName} header; it is refused.",
        WebhookSignatureFailure.Malformed => $"The webhook's {headerName} header is not a signature of the expected form; it is refused.",
        _ => $"The webhook's {headerName} header does not match its body and the signing key; it is refused.",
    };
}
