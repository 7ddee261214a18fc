using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

internal sealed record WebhookUnit(EmitOptions Options, WebhooksSpec Webhooks);

/// <summary>
/// Emits the webhook events: an abstract event over the envelope, one sealed event per webhook with its typed data, an
/// unknown event for names the spec does not list, and a parser that checks the signature (when the spec declares
/// one) before it reads the body.
/// </summary>
internal static class WebhookEmitter
{
    private const string Webhooks = Header.RuntimeAlias + "::Webhooks";

    public static string Emit(WebhooksSpec spec, EmitOptions options)
    {
        SourceWriter writer = Header.Start(options);
        var types = new TypeCode(options);
        WriteBase(writer, spec, options, types);
        foreach (WebhookEventSpec webhook in spec.Events)
        {
            writer.WriteLine();
            WriteEvent(writer, spec, webhook, options, types);
        }

        writer.WriteLine();
        WriteUnknown(writer, spec, options);
        writer.WriteLine();
        WriteParser(writer, spec, options, types);
        return writer.ToString();
    }

    private static void WriteBase(SourceWriter writer, WebhooksSpec spec, EmitOptions options, TypeCode types)
    {
        string envelope = options.Qualify(spec.EnvelopeTypeName);
        writer.WriteLines($$"""
            /// <summary>
            /// A webhook: the envelope every webhook shares, and a subclass per event that types its data. Switch on the
            /// subclass; a name the spec does not list is an <see cref="{{options.Qualify(spec.UnknownTypeName)}}"/>.
            /// </summary>
            {{Header.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock($"public abstract partial class {spec.BaseTypeName}");
        string name = spec.EventProperty.IsNullableInCSharp ? $"Envelope.{spec.EventProperty.Identifier} ?? string.Empty" : $"Envelope.{spec.EventProperty.Identifier}";
        writer.WriteLines($$"""
            /// <summary>Initializes the event from its envelope.</summary>
            /// <exception cref="__Sys::ArgumentNullException"><paramref name="envelope"/> is null.</exception>
            protected {{spec.BaseTypeName}}({{envelope}} envelope) => Envelope = envelope ?? throw new __Sys::ArgumentNullException(nameof(envelope));

            /// <summary>The body as received, every envelope property included (the data as raw JSON too).</summary>
            public {{envelope}} Envelope { get; }

            /// <summary>The event name (<c>{{DocComments.Escape(spec.EventProperty.JsonName)}}</c>): the key of its webhook in the spec.</summary>
            public string Name => {{name}};
            """);
        foreach (PropertySpec property in spec.Forwarded)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <inheritdoc cref=\"{envelope}.{property.Identifier}\"/>");
            writer.WriteLine($"public {types.TypeName(property.Type, property.IsNullableInCSharp)} {property.Identifier} => Envelope.{property.Identifier};");
        }

        writer.CloseBlock();
    }

    private static void WriteEvent(SourceWriter writer, WebhooksSpec spec, WebhookEventSpec webhook, EmitOptions options, TypeCode types)
    {
        string envelope = options.Qualify(spec.EnvelopeTypeName);
        writer.WriteLine("/// <summary>");
        DocComments.WriteParagraph(writer, $"{webhook.Name}: {webhook.Summary ?? "the webhook of this name."}");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {webhook.TypeName} : {options.Qualify(spec.BaseTypeName)}");
        writer.WriteLines($$"""
            /// <summary>The event name this class stands for.</summary>
            public const string EventName = {{CSharpLiteral.String(webhook.Name)}};

            """);
        if (webhook.Data is not { } data)
        {
            writer.WriteLines($$"""
                /// <summary>Initializes the event from its envelope.</summary>
                public {{webhook.TypeName}}({{envelope}} envelope)
                    : base(envelope)
                {
                }
                """);
            writer.CloseBlock();
            return;
        }

        bool nullable = data.Type.IsNullable;
        string dataType = types.TypeName(data.Type, nullable);
        string assign = nullable ? "data" : "data ?? throw new __Sys::ArgumentNullException(nameof(data))";
        writer.WriteLines($$"""
            /// <summary>Initializes the event from its envelope and its typed data.</summary>
            public {{webhook.TypeName}}({{envelope}} envelope, {{dataType}} data)
                : base(envelope) => Data = {{assign}};

            /// <summary>The event's data (the envelope's <c>{{DocComments.Escape(data.EnvelopeProperty.JsonName)}}</c>), typed.</summary>
            public {{dataType}} Data { get; }
            """);
        writer.CloseBlock();
    }

    private static void WriteUnknown(SourceWriter writer, WebhooksSpec spec, EmitOptions options)
    {
        writer.WriteLines($$"""
            /// <summary>
            /// A webhook whose name the spec does not list (an event the API added later): its envelope is read, its data
            /// stays raw JSON in <see cref="{{options.Qualify(spec.BaseTypeName)}}.Envelope"/>. Never an exception.
            /// </summary>
            {{Header.GeneratedCodeAttribute}}
            public sealed partial class {{spec.UnknownTypeName}} : {{options.Qualify(spec.BaseTypeName)}}
            {
                /// <summary>Initializes the event from its envelope.</summary>
                public {{spec.UnknownTypeName}}({{options.Qualify(spec.EnvelopeTypeName)}} envelope)
                    : base(envelope)
                {
                }
            }
            """);
    }

    private static void WriteParser(SourceWriter writer, WebhooksSpec spec, EmitOptions options, TypeCode types)
    {
        string result = options.Qualify(spec.BaseTypeName);
        writer.WriteLines($$"""
            /// <summary>Reads webhook bodies into typed events (<see cref="{{result}}"/>).</summary>
            {{Header.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock($"public static partial class {spec.ParserTypeName}");
        const string Returns = "/// <returns>The event: the class of its name, or an unknown event for a name the spec does not list.</returns>";
        const string BadJson = "/// <exception cref=\"__Json::JsonException\">The body is not the JSON the spec describes (the message and <c>Path</c> say where).</exception>";
        if (spec.Signature is { } signature)
        {
            string algorithm = signature.Algorithm == WebhookSignatureAlgorithm.HmacSha256 ? "HmacSha256" : "HmacSha1";
            string algorithmText = signature.Algorithm == WebhookSignatureAlgorithm.HmacSha256 ? "HMAC-SHA256" : "HMAC-SHA1";
            string header = DocComments.Escape(signature.Header);
            writer.WriteLines($$"""
                /// <summary>The header that carries the signature: the hex {{algorithmText}} of the raw body, keyed with the signing key.</summary>
                public const string SignatureHeader = {{CSharpLiteral.String(signature.Header)}};

                /// <summary>Verifies the body's signature, then reads the body into its event.</summary>
                /// <param name="body">The request body exactly as received (not re-encoded, not re-serialized).</param>
                /// <param name="signature">The value of the <c>{{header}}</c> header; null when the request has none.</param>
                /// <param name="signingKey">The webhook signing key.</param>
                {{Returns}}
                /// <exception cref="{{Webhooks}}.WebhookSignatureException">The signature is missing, malformed or does not match: refuse the request. The message reveals neither key, body nor signature.</exception>
                {{BadJson}}
                /// <exception cref="__Sys::ArgumentException"><paramref name="signingKey"/> is null or empty.</exception>
                public static {{result}} Parse(__Sys::ReadOnlySpan<byte> body, string? signature, string signingKey)
                {
                    {{Webhooks}}.WebhookSignature.Verify(body, signature, signingKey, {{Webhooks}}.WebhookSignatureAlgorithm.{{algorithm}}, SignatureHeader);
                    return Read(body);
                }

                /// <inheritdoc cref="Parse(__Sys::ReadOnlySpan{byte}, string?, string)"/>
                /// <exception cref="__Sys::ArgumentNullException"><paramref name="body"/> is null.</exception>
                public static {{result}} Parse(byte[] body, string? signature, string signingKey) =>
                    Parse(new __Sys::ReadOnlySpan<byte>(body ?? throw new __Sys::ArgumentNullException(nameof(body))), signature, signingKey);

                """);
        }
        else
        {
            writer.WriteLines($$"""
                /// <summary>Reads a webhook body into its event. The spec declares no signature: authenticate the request yourself.</summary>
                /// <param name="body">The request body as received.</param>
                {{Returns}}
                {{BadJson}}
                public static {{result}} Parse(__Sys::ReadOnlySpan<byte> body) => Read(body);

                /// <inheritdoc cref="Parse(__Sys::ReadOnlySpan{byte})"/>
                /// <exception cref="__Sys::ArgumentNullException"><paramref name="body"/> is null.</exception>
                public static {{result}} Parse(byte[] body) =>
                    Read(new __Sys::ReadOnlySpan<byte>(body ?? throw new __Sys::ArgumentNullException(nameof(body))));

                """);
        }

        string envelope = options.Qualify(spec.EnvelopeTypeName);
        writer.OpenBlock($"private static {result} Read(__Sys::ReadOnlySpan<byte> body)");
        writer.WriteLine($"__Json::JsonSerializerOptions options = {options.Qualify(options.ContextName)}.Default.Options;");
        writer.WriteLine($"{envelope} envelope = {Webhooks}.WebhookJson.ReadEnvelope<{envelope}>(body, options);");
        writer.WriteLine($"return envelope.{spec.EventProperty.Identifier} switch");
        writer.WriteLine("{");
        foreach (WebhookEventSpec webhook in spec.Events)
        {
            string create = $"new {options.Qualify(webhook.TypeName)}(envelope";
            if (webhook.Data is { } data)
            {
                string element = data.EnvelopeProperty.IsNullableInCSharp ? $"envelope.{data.EnvelopeProperty.Identifier} ?? default" : $"envelope.{data.EnvelopeProperty.Identifier}";
                string type = types.TypeName(data.Type);
                create += data.Type.IsNullable
                    ? $", {Webhooks}.WebhookJson.ReadOptionalData<{type}>({element}, options)"
                    : $", {Webhooks}.WebhookJson.ReadRequiredData<{type}>({element}, options, {CSharpLiteral.String(data.EnvelopeProperty.JsonName)})";
            }

            writer.WriteLine($"    {CSharpLiteral.String(webhook.Name)} => {create}),");
        }

        writer.WriteLine($"    _ => new {options.Qualify(spec.UnknownTypeName)}(envelope),");
        writer.WriteLine("};");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
