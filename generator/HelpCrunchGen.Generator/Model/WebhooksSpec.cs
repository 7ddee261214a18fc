namespace HelpCrunchGen.Generator.Model;

/// <summary>
/// The spec's <c>webhooks</c>, as far as <c>x-webhooks</c> makes them dispatchable: one envelope schema, the property
/// that names the event, one event per webhook, and the signature scheme when the spec declares one.
/// </summary>
/// <param name="BaseTypeName">The abstract event class (<c>HelpCrunchWebhookEvent</c>).</param>
/// <param name="UnknownTypeName">The event of a name the spec does not list (<c>UnknownWebhookEvent</c>).</param>
/// <param name="ParserTypeName">The static parser (<c>HelpCrunchWebhooks</c>).</param>
/// <param name="EnvelopeTypeName">The generated record of the envelope schema.</param>
/// <param name="EventProperty">The envelope property that carries the event name.</param>
/// <param name="Forwarded">Envelope properties the base class exposes directly (<c>Id</c>, <c>Attempts</c> …).</param>
internal sealed record WebhooksSpec(
    string BaseTypeName,
    string UnknownTypeName,
    string ParserTypeName,
    string EnvelopeTypeName,
    PropertySpec EventProperty,
    EquatableArray<PropertySpec> Forwarded,
    EquatableArray<WebhookEventSpec> Events,
    WebhookSignatureSpec? Signature);

/// <summary>One webhook: its event name (the key in <c>webhooks</c>), its class, and its typed data if it narrows one.</summary>
internal sealed record WebhookEventSpec(string Name, string TypeName, string? Summary, WebhookDataSpec? Data);

/// <summary>The envelope property a webhook narrows (<c>eventData</c>), and the type it narrows it to.</summary>
internal sealed record WebhookDataSpec(PropertySpec EnvelopeProperty, TypeSpec Type);

internal enum WebhookSignatureAlgorithm
{
    HmacSha1,
    HmacSha256,
}

/// <summary><c>x-webhooks.signature</c>: the header, and the keyed hash of the raw body it carries in hex.</summary>
internal sealed record WebhookSignatureSpec(string Header, WebhookSignatureAlgorithm Algorithm);
