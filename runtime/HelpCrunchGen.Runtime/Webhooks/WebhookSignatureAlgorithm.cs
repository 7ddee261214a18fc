namespace HelpCrunchGen.Runtime.Webhooks;

/// <summary>The keyed hash a webhook's signature is computed with (the spec's <c>x-webhooks.signature.algorithm</c>).</summary>
public enum WebhookSignatureAlgorithm
{
    /// <summary>HMAC-SHA1 (<c>hmac-sha1</c>): a 20-byte signature.</summary>
    HmacSha1,

    /// <summary>HMAC-SHA256 (<c>hmac-sha256</c>): a 32-byte signature.</summary>
    HmacSha256,
}
